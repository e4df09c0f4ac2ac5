package io.siotls.spring.autoconfigure.netty;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.function.UnaryOperator;
import reactor.netty.http.client.HttpClient;
import reactor.netty.tcp.SslProvider;

/**
 * Reactor Netty's {@code HttpClient} secured by a Netty context around a siotls context
 * ({@link NettySslContexts#client}), for both of Boot's builders that make one: RestClient's
 * request factory and WebClient's connector.
 */
public final class ReactorClientSsl {

    private ReactorClientSsl() {
    }

    /**
     * The customizer that secures an {@code HttpClient} with {@code nettyContext}, its handshake
     * timed by {@code handshakeTimeout}, or by Reactor Netty's default when null.
     */
    public static UnaryOperator<HttpClient> securedBy(SslContext nettyContext, Duration handshakeTimeout) {
        return client -> client.secure(spec -> {
            SslProvider.Builder ssl = spec.sslContext(nettyContext);
            if (handshakeTimeout != null) {
                ssl.handshakeTimeout(handshakeTimeout);
            }
        });
    }
}
