package io.siotls.spring.autoconfigure.client;

import javax.net.ssl.SSLContext;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.JdkClientHttpConnector;

/**
 * The JDK's {@code java.net.http.HttpClient} on the siotls client context. It creates its engines
 * with the peer's host and port and asks for HTTPS endpoint identification, so host names are
 * verified. Given a bundle, Boot hands it the bundle's {@code createSslContext()}, which for a
 * siotls bundle is that bundle's siotls context.
 */
final class JdkConnectorTls {

    private JdkConnectorTls() {
    }

    static SiotlsClientHttpConnectorBuilder<JdkClientHttpConnector> secure(JdkClientHttpConnectorBuilder builder,
            SSLContext context) {
        return new SiotlsClientHttpConnectorBuilder<>(builder,
                builder.withHttpClientCustomizer(client -> client.sslContext(context)));
    }
}
