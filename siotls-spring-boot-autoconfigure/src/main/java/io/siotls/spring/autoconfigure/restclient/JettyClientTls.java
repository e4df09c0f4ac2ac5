package io.siotls.spring.autoconfigure.restclient;

import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.http.client.JettyClientHttpRequestFactory;

/**
 * Jetty's {@code HttpClient} on the siotls context, through the connector's
 * {@link SslContextFactory.Client}, which verifies host names (HTTPS endpoint identification) by
 * default. Jetty has no timeout for the TLS handshake alone, so the handshake timeout does not
 * apply to it.
 */
final class JettyClientTls {

    private JettyClientTls() {
    }

    static SiotlsClientHttpRequestFactoryBuilder<JettyClientHttpRequestFactory> secure(
            JettyClientHttpRequestFactoryBuilder builder, ClientTls tls) {
        return new SiotlsClientHttpRequestFactoryBuilder<>(builder, settings -> builder
                .withClientConnectorCustomizerCustomizer(connector -> connector.setSslContextFactory(sslContextFactory(tls))));
    }

    private static SslContextFactory.Client sslContextFactory(ClientTls tls) {
        SslContextFactory.Client factory = new SslContextFactory.Client();
        factory.setSslContext(tls.context());
        return factory;
    }
}
