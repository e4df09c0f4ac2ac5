package io.siotls.spring.autoconfigure.client;

import javax.net.ssl.SSLContext;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.JettyClientHttpConnector;

/**
 * Jetty's {@code HttpClient} on the siotls client context, through the connector's
 * {@link SslContextFactory.Client}, which verifies host names (HTTPS endpoint identification) by
 * default. Given a bundle, Boot builds that factory from the bundle's {@code createSslContext()},
 * which for a siotls bundle is that bundle's siotls context.
 */
final class JettyConnectorTls {

    private JettyConnectorTls() {
    }

    static SiotlsClientHttpConnectorBuilder<JettyClientHttpConnector> secure(JettyClientHttpConnectorBuilder builder,
            SSLContext context) {
        return new SiotlsClientHttpConnectorBuilder<>(builder, builder.withClientConnectorCustomizerCustomizer(connector -> {
            SslContextFactory.Client factory = new SslContextFactory.Client();
            factory.setSslContext(context);
            connector.setSslContextFactory(factory);
        }));
    }
}
