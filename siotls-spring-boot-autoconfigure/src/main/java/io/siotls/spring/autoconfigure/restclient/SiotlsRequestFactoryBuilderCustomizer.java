package io.siotls.spring.autoconfigure.restclient;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Makes the request factory builder Boot chose (JDK HttpClient, Reactor Netty, Apache
 * HttpClient 5 or Jetty) build factories whose HTTPS runs on the siotls client context. It
 * wraps the builder, so it comes last ({@link Ordered#LOWEST_PRECEDENCE}, after the
 * application's own customizers, which see the library's builder type). Any other builder
 * ({@code simple}, reflective) has no way to take an {@code SSLContext}; it is left alone, with
 * a warning.
 */
final class SiotlsRequestFactoryBuilderCustomizer
        implements ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>>, Ordered {

    private static final Log LOG = LogFactory.getLog(SiotlsRequestFactoryBuilderCustomizer.class);

    private final ClientTls tls;

    SiotlsRequestFactoryBuilderCustomizer(ClientTls tls) {
        this.tls = tls;
    }

    @Override
    public ClientHttpRequestFactoryBuilder<?> customize(ClientHttpRequestFactoryBuilder<?> builder) {
        if (builder instanceof SiotlsClientHttpRequestFactoryBuilder<?>) {
            return builder;
        }
        if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
            return JdkClientTls.secure(jdk, tls);
        }
        if (builder instanceof ReactorClientHttpRequestFactoryBuilder reactor) {
            return ReactorNettyClientTls.secure(reactor, tls);
        }
        if (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
            return HttpComponentsClientTls.secure(httpComponents, tls);
        }
        if (builder instanceof JettyClientHttpRequestFactoryBuilder jetty) {
            return JettyClientTls.secure(jetty, tls);
        }
        LOG.warn("siotls: the HTTP request factory builder " + builder.getClass().getName()
                + " cannot be given an SSLContext, so RestClient and RestTemplate HTTPS runs on the JDK's TLS"
                + " without the siotls.client.* material; set spring.http.clients.imperative.factory to jdk,"
                + " reactor, http-components or jetty");
        return builder;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
