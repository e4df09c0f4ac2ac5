package io.siotls.spring.autoconfigure.tomcat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.Nio2Channel;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the connections whose TLS handshake has lasted longer than
 * {@code siotls.server.handshake-timeout}. Tomcat bounds each read with its connection timeout
 * only, and reads a whole ClientHello itself (for SNI) before the engine sees a byte, so a client
 * trickling its ClientHello a byte at a time would otherwise hold a connection for as long as it
 * likes. The connector's connections are looked at a few times per timeout on Tomcat's utility
 * executor; a connection is shed at most a quarter of the timeout late.
 */
final class TomcatHandshakeWatchdog implements LifecycleListener {

    private static final Logger LOG = LoggerFactory.getLogger(TomcatHandshakeWatchdog.class);

    private final Connector connector;
    private final Duration timeout;
    private final Map<SocketWrapperBase<?>, Long> handshaking = new ConcurrentHashMap<>();
    private ScheduledFuture<?> scan;

    private TomcatHandshakeWatchdog(Connector connector, Duration timeout) {
        this.connector = connector;
        this.timeout = timeout;
    }

    /** Watches {@code connector}'s handshakes once it starts, until it stops. */
    static void watch(Connector connector, Duration timeout) {
        connector.addLifecycleListener(new TomcatHandshakeWatchdog(connector, timeout));
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
            AbstractEndpoint<?, ?> endpoint = TomcatEndpoints.of(connector);
            long period = Math.max(50, timeout.toMillis() / 4);
            scan = endpoint.getUtilityExecutor().scheduleWithFixedDelay(() -> shedSlowHandshakes(endpoint), period,
                    period, TimeUnit.MILLISECONDS);
        } else if (Lifecycle.BEFORE_STOP_EVENT.equals(event.getType()) && scan != null) {
            scan.cancel(false);
            handshaking.clear();
        }
    }

    private void shedSlowHandshakes(AbstractEndpoint<?, ?> endpoint) {
        long now = System.nanoTime();
        for (SocketWrapperBase<?> connection : endpoint.getConnections()) {
            if (connection.isClosed() || handshakeComplete(connection.getSocket())) {
                handshaking.remove(connection);
                continue;
            }
            long since = handshaking.computeIfAbsent(connection, started -> now);
            if (now - since > timeout.toNanos()) {
                handshaking.remove(connection);
                LOG.debug("closing {}: its TLS handshake took longer than siotls.server.handshake-timeout ({})",
                        connection, timeout);
                connection.close();
            }
        }
        handshaking.keySet().removeIf(SocketWrapperBase::isClosed);
    }

    private static boolean handshakeComplete(Object channel) {
        if (channel instanceof NioChannel nio) {
            return nio.isHandshakeComplete();
        }
        if (channel instanceof Nio2Channel nio2) {
            return nio2.isHandshakeComplete();
        }
        return true;
    }
}
