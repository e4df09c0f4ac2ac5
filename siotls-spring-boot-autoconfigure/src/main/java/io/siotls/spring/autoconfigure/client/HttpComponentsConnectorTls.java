package io.siotls.spring.autoconfigure.client;

import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;

/**
 * Apache HttpClient 5's async client on the siotls client context, on our {@code SSLEngine}. Boot
 * asks its TLS strategy factory only when a bundle is set (else HttpClient takes the JDK's default
 * context), so the strategy is set on the connection manager itself. Given a bundle, Boot builds
 * the strategy from the bundle's {@code createSslContext()}, which for a siotls bundle is that
 * bundle's siotls context.
 */
final class HttpComponentsConnectorTls {

    private HttpComponentsConnectorTls() {
    }

    static SiotlsClientHttpConnectorBuilder<HttpComponentsClientHttpConnector> secure(
            HttpComponentsClientHttpConnectorBuilder builder, SSLContext context) {
        DefaultClientTlsStrategy strategy = new DefaultClientTlsStrategy(context);
        return new SiotlsClientHttpConnectorBuilder<>(builder,
                builder.withConnectionManagerCustomizer(manager -> manager.setTlsStrategy(strategy)));
    }
}
