package io.siotls.spring.autoconfigure.client;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connectors Spring Boot builds behind {@code WebClient.Builder} make their TLS connections
 * with the siotls client {@link SSLContext}, whichever library Boot picks: Reactor Netty (a Netty
 * {@code JdkSslContext} around ours, with {@code siotls.client.handshake-timeout}), the JDK's
 * HttpClient, Apache HttpClient 5 (on our SSLEngine) or Jetty. Each customizer is applied after
 * Boot's own settings; host names are verified in every library. RestClient and RestTemplate are
 * {@code restclient}'s. Without Spring's reactive HTTP client and Reactor on the class path (an
 * application without WebFlux), it backs off.
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
@ConditionalOnClass(value = ClientHttpConnectorBuilderCustomizer.class,
        name = {"org.springframework.http.client.reactive.ClientHttpConnector", "reactor.core.publisher.Mono"})
@ConditionalOnBean(name = SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)
public class SiotlsWebClientAutoConfiguration {

    @Bean
    ClientHttpConnectorBuilderCustomizer<JdkClientHttpConnectorBuilder> siotlsJdkConnectorCustomizer(
            @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
        return builder -> builder.withHttpClientCustomizer(client -> client.sslContext(context));
    }

    /** Reactor Netty's HttpClient. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "reactor.netty.http.client.HttpClient")
    static class ReactorNetty {

        @Bean
        ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> siotlsReactorConnectorCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context, SiotlsProperties properties) {
            ReactorClientSsl ssl = new ReactorClientSsl(context, properties.getClient().getHandshakeTimeout());
            return builder -> builder.withHttpClientCustomizer(ssl);
        }
    }

    /** Apache HttpClient 5's async client: on our SSLEngine. */
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
    @ConditionalOnClass(name = {"org.eclipse.jetty.client.HttpClient",
            "org.eclipse.jetty.reactive.client.ReactiveRequest"})
    static class Jetty {

        @Bean
        ClientHttpConnectorBuilderCustomizer<JettyClientHttpConnectorBuilder> siotlsJettyConnectorCustomizer(
                @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context) {
            return builder -> builder.withClientConnectorCustomizerCustomizer(connector -> {
                SslContextFactory.Client factory = new SslContextFactory.Client();
                factory.setSslContext(context);
                connector.setSslContextFactory(factory);
            });
        }
    }
}
