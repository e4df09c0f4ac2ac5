package io.siotls.spring.autoconfigure.client;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import io.siotls.spring.autoconfigure.SiotlsPropertyException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP clients Spring Boot builds — the request factories behind {@code RestClient.Builder}
 * and {@code RestTemplateBuilder}, and the connectors behind {@code WebClient.Builder} — make
 * their TLS connections with the siotls client {@link SSLContext}, whichever library Boot picks:
 * the JDK's HttpClient, Reactor Netty, Apache HttpClient 5 (on our SSLSocket or SSLEngine) or
 * Jetty. Each customizer is applied after Boot's own settings, so it takes precedence over
 * {@code spring.http.clients.ssl.bundle}; hostname verification stays on in every library.
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
@ConditionalOnClass(ClientHttpRequestFactoryBuilder.class)
@ConditionalOnBean(name = SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)
public class SiotlsHttpClientsAutoConfiguration {

    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> siotlsJdkRequestFactoryCustomizer(
            @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
        return builder -> builder.withHttpClientCustomizer(client -> client.sslContext(context));
    }

    @Bean
    ClientHttpConnectorBuilderCustomizer<JdkClientHttpConnectorBuilder> siotlsJdkConnectorCustomizer(
            @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
        return builder -> builder.withHttpClientCustomizer(client -> client.sslContext(context));
    }

    /**
     * Refuses Boot's {@code simple} request factory ({@code HttpURLConnection}): it takes its TLS
     * from an SSL bundle's managers only, so it would silently run on the JDK's TLS instead.
     */
    @Bean
    ClientHttpRequestFactoryBuilderCustomizer<SimpleClientHttpRequestFactoryBuilder> siotlsSimpleRequestFactoryRefusal() {
        return builder -> {
            throw new SiotlsPropertyException("spring.http.clients.imperative.factory",
                    "is simple (HttpURLConnection), which cannot make its TLS connections on siotls",
                    "Choose jdk, reactor, http-components or jetty, or remove the property to let Boot detect one.");
        };
    }

    /** Reactor Netty's HttpClient, for RestClient and WebClient. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.netty.http.client.HttpClient")
    static class ReactorNetty {

        @Bean
        ClientHttpRequestFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> siotlsReactorRequestFactoryCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context, SiotlsProperties properties) {
            ReactorClientSsl ssl = new ReactorClientSsl(context, properties.getClient().getHandshakeTimeout());
            return builder -> builder.withHttpClientCustomizer(ssl);
        }

        @Bean
        ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> siotlsReactorConnectorCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context, SiotlsProperties properties) {
            ReactorClientSsl ssl = new ReactorClientSsl(context, properties.getClient().getHandshakeTimeout());
            return builder -> builder.withHttpClientCustomizer(ssl);
        }
    }

    /** Apache HttpClient 5: classic on our SSLSocket, async on our SSLEngine. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DefaultClientTlsStrategy.class)
    static class HttpComponents {

        @Bean
        ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> siotlsHttpComponentsRequestFactoryCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
            return builder -> builder.withTlsSocketStrategyFactory(bundle -> new DefaultClientTlsStrategy(context));
        }

    }

    /** Apache HttpClient 5's async client, for WebClient: on our SSLEngine. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy",
            "org.apache.hc.core5.reactive.ReactiveResponseConsumer"})
    static class HttpComponentsAsync {

        @Bean
        ClientHttpConnectorBuilderCustomizer<HttpComponentsClientHttpConnectorBuilder> siotlsHttpComponentsConnectorCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
            return builder -> builder.withTlsSocketStrategyFactory(bundle -> new DefaultClientTlsStrategy(context));
        }
    }

    /** Jetty's HttpClient. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.eclipse.jetty.client.HttpClient")
    static class Jetty {

        @Bean
        ClientHttpRequestFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder> siotlsJettyRequestFactoryCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
            return builder -> builder.withClientConnectorCustomizerCustomizer(
                    connector -> connector.setSslContextFactory(jettySslContextFactory(context)));
        }

        @Bean
        ClientHttpConnectorBuilderCustomizer<JettyClientHttpConnectorBuilder> siotlsJettyConnectorCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
            return builder -> builder.withClientConnectorCustomizerCustomizer(
                    connector -> connector.setSslContextFactory(jettySslContextFactory(context)));
        }

        /** Jetty's client TLS on our context; Jetty verifies host names (HTTPS) by default. */
        private static SslContextFactory.Client jettySslContextFactory(SSLContext context) {
            SslContextFactory.Client factory = new SslContextFactory.Client();
            factory.setSslContext(context);
            return factory;
        }
    }
}
