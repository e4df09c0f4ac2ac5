package io.siotls.spring.autoconfigure.actuator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsSides;
import javax.net.ssl.SSLContext;

/**
 * Micrometer metrics of the handshakes the siotls contexts run: the counter
 * {@value #HANDSHAKES} tagged {@code side}, {@code bundle} (the SSL bundle of the context:
 * siotls-server, siotls-client or a named client's siotls-<name>), {@code outcome} (success, failure),
 * {@code cipher.suite} and {@code group} (their IANA names, such as TLS_AES_128_GCM_SHA256 and
 * X25519MLKEM768; "none" on failure), and the timer {@value #DURATION}
 * tagged {@code side}, {@code bundle} and {@code outcome}. Contexts of the jsse implementation are SunJSSE's and
 * report nothing.
 */
public class SiotlsHandshakeMetrics implements MeterBinder {

    /** Name of the handshake counter. */
    public static final String HANDSHAKES = "siotls.handshakes";

    /** Name of the handshake duration timer. */
    public static final String DURATION = "siotls.handshake.duration";

    private final SiotlsSides sides;

    SiotlsHandshakeMetrics(SiotlsSides sides) {
        this.sides = sides;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        sides.contexts().forEach((side, context) -> bind(context, "siotls-" + SiotlsSides.name(side), registry));
        sides.namedClients().values().forEach(client -> bind(client.context(), client.bundleName(), registry));
    }

    private static void bind(SSLContext context, String bundle, MeterRegistry registry) {
        if (!(context instanceof SiotlsSSLContext siotls)) {
            return;
        }
        siotls.addHandshakeListener(new HandshakeListener() {
            @Override
            public void handshakeCompleted(HandshakeEvent event) {
                record(registry, bundle, event);
            }

            @Override
            public void handshakeFailed(HandshakeEvent event) {
                record(registry, bundle, event);
            }
        });
    }

    private static void record(MeterRegistry registry, String bundle, HandshakeEvent event) {
        String side = SiotlsSides.name(event.side());
        String outcome = event.succeeded() ? "success" : "failure";
        TLSNegotiatedConfiguration negotiated = event.negotiated();
        String suite = negotiated == null ? "none" : negotiated.cipherSuite().ianaName();
        String group = negotiated == null || negotiated.keyExchange() == null ? "none"
                : negotiated.keyExchange().ianaName();
        Counter.builder(HANDSHAKES).description("TLS handshakes run by siotls")
                .tags(Tags.of("side", side, "bundle", bundle, "outcome", outcome, "cipher.suite", suite, "group", group,
                        "resumed", String.valueOf(event.resumed())))
                .register(registry).increment();
        Timer.builder(DURATION).description("Duration of the TLS handshakes run by siotls")
                .tags(Tags.of("side", side, "bundle", bundle, "outcome", outcome)).register(registry)
                .record(event.duration());
    }
}
