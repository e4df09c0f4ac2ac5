package io.siotls.spring.autoconfigure.client;

import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.core.Ordered;

/**
 * Makes the connector builder Boot chose (Reactor Netty, the JDK's HttpClient, Apache
 * HttpClient 5 or Jetty) build connectors whose TLS runs on the siotls client context, or on the
 * siotls bundle the settings name, and leaves any other bundle to Boot
 * ({@link SiotlsClientHttpConnectorBuilder}). It wraps the builder, so it comes last
 * ({@link Ordered#LOWEST_PRECEDENCE}, after the application's own customizers, which see the
 * library's builder type). A builder of any other type is left alone, with a warning.
 */
final class SiotlsConnectorBuilderCustomizer
        implements ClientHttpConnectorBuilderCustomizer<ClientHttpConnectorBuilder<?>>, Ordered {

    private static final Log LOG = LogFactory.getLog(SiotlsConnectorBuilderCustomizer.class);

    private final SSLContext context;
    private final Duration handshakeTimeout;

    /**
     * @param context the siotls client context
     * @param handshakeTimeout {@code siotls.client.handshake-timeout} (Reactor Netty), or null for none
     */
    SiotlsConnectorBuilderCustomizer(SSLContext context, Duration handshakeTimeout) {
        this.context = Objects.requireNonNull(context, "context");
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public ClientHttpConnectorBuilder<?> customize(ClientHttpConnectorBuilder<?> builder) {
        if (builder instanceof SiotlsClientHttpConnectorBuilder<?>) {
            return builder;
        }
        if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
            return ReactorConnectorTls.secure(reactor, context, handshakeTimeout);
        }
        if (builder instanceof JdkClientHttpConnectorBuilder jdk) {
            return JdkConnectorTls.secure(jdk, context);
        }
        if (builder instanceof HttpComponentsClientHttpConnectorBuilder httpComponents) {
            return HttpComponentsConnectorTls.secure(httpComponents, context);
        }
        if (builder instanceof JettyClientHttpConnectorBuilder jetty) {
            return JettyConnectorTls.secure(jetty, context);
        }
        LOG.warn("siotls: the HTTP connector builder " + builder.getClass().getName()
                + " cannot be given an SSLContext, so WebClient HTTPS runs without the siotls.client.* material;"
                + " set spring.http.clients.reactive.connector to reactor, jdk, http-components or jetty");
        return builder;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
