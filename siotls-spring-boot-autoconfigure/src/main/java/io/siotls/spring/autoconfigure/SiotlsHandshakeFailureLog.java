package io.siotls.spring.autoconfigure;

import io.siotls.Side;
import io.siotls.alerts.TLSAlertException;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs the handshakes the siotls server and client contexts refuse: each at DEBUG, with the side,
 * the peer's address and the alert, and at INFO a summary at most once a minute with the counts
 * by reason. The peer's address is the engine's when it was made with one (clients), else the
 * one a {@link HandshakePeerLookup} bean finds for the handshake's session (the Tomcat and Reactor
 * Netty servers); the line says {@code peer unknown} when neither knows it (an engine another
 * library made from the server context, or a socket its server socket accepted). No thread of its
 * own: the summary is written by the first failure a minute or more after the first one it
 * counts, and by the application context's close for what is left. Contexts of the jsse
 * implementation are SunJSSE's and report nothing.
 */
public class SiotlsHandshakeFailureLog implements HandshakeListener, SmartInitializingSingleton, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(SiotlsHandshakeFailureLog.class);
    private static final Duration PERIOD = Duration.ofMinutes(1);

    private final BeanFactory beans;
    private final Clock clock;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private volatile List<HandshakePeerLookup> peerLookups = List.of();
    private Instant windowStart;

    /**
     * @param beans where the {@link SiotlsAutoConfiguration#SERVER_SSL_CONTEXT} and
     *        {@link SiotlsAutoConfiguration#CLIENT_SSL_CONTEXT} beans and the
     *        {@link HandshakePeerLookup}s are looked up
     * @param clock the time the summaries are spaced by
     */
    public SiotlsHandshakeFailureLog(BeanFactory beans, Clock clock) {
        this.beans = beans;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        peerLookups = beans.getBeanProvider(HandshakePeerLookup.class).orderedStream().toList();
        SiotlsSides sides = new SiotlsSides(beans);
        sides.contexts().values().forEach(this::listenTo);
        sides.namedClients().values().forEach(client -> listenTo(client.context()));
    }

    private void listenTo(SSLContext context) {
        if (context instanceof SiotlsSSLContext siotls) {
            siotls.addHandshakeListener(this);
        }
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        String reason = reason(event);
        if (LOG.isDebugEnabled()) {
            LOG.debug("siotls refused a handshake: side {}, peer {}, alert {}: {}", SiotlsSides.name(event.side()),
                    peer(event), reason, event.failure().getMessage());
        }
        String summary;
        synchronized (this) {
            Instant now = clock.instant();
            if (windowStart == null) {
                windowStart = now;
            }
            counts.merge(reason, 1, Integer::sum);
            summary = Duration.between(windowStart, now).compareTo(PERIOD) >= 0 ? takeSummary(now) : null;
        }
        if (summary != null) {
            LOG.info(summary);
        }
    }

    /** Writes the summary of the refusals not summarised yet, if any. */
    public void flush() {
        String summary;
        synchronized (this) {
            summary = counts.isEmpty() ? null : takeSummary(clock.instant());
        }
        if (summary != null) {
            LOG.info(summary);
        }
    }

    @Override
    public void destroy() {
        flush();
    }

    private String takeSummary(Instant now) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        long minutes = Math.max(1, Duration.between(windowStart, now).toMinutes());
        String summary = "siotls refused " + total + (total == 1 ? " handshake" : " handshakes") + " in the last "
                + (minutes == 1 ? "minute" : minutes + " minutes") + ": " + counts.entrySet().stream()
                        .map(count -> count.getKey() + " " + count.getValue()).collect(Collectors.joining(", "));
        counts.clear();
        windowStart = null;
        return summary;
    }

    /** {@code host:port} of the peer, as the engine or a lookup knows it, else {@code unknown}. */
    private String peer(HandshakeEvent event) {
        if (event.peerAddress() != null) {
            return event.peerAddress();
        }
        if (event.side() == Side.SERVER && event.session() != null) {
            for (HandshakePeerLookup lookup : peerLookups) {
                InetSocketAddress peer = lookup.peerOf(event.session());
                if (peer != null) {
                    return peer.getHostString() + ":" + peer.getPort();
                }
            }
        }
        return "unknown";
    }

    /** The alert's name when an alert was sent or received, else a short word for the failure. */
    static String reason(HandshakeEvent event) {
        for (Throwable cause = event.failure(); cause != null; cause = cause.getCause()) {
            if (cause instanceof TLSAlertException alert && alert.description() != null) {
                return alert.description().ianaName();
            }
        }
        return "no_alert";
    }
}
