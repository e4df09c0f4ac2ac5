package io.siotls.spring.autoconfigure.client;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The connectors Spring Boot builds behind {@code WebClient.Builder} (and {@code WebClientSsl},
 * HTTP service clients) make their TLS connections with the siotls client {@link SSLContext}
 * (bean {@value SiotlsAutoConfiguration#CLIENT_SSL_CONTEXT}), whichever library Boot picks:
 * Reactor Netty (a Netty {@code JdkSslContext} around ours, with
 * {@code siotls.client.handshake-timeout}), the JDK's HttpClient, Apache HttpClient 5 (on our
 * SSLEngine) or Jetty; host names are verified in every library.
 * <p>
 * An SSL bundle chosen for a client ({@code spring.http.clients.ssl.bundle},
 * {@code WebClientSsl.fromBundle}) is the client's: a siotls bundle runs on its own siotls
 * context (on Reactor Netty with its own handshake timeout), any other the way Boot serves it,
 * with its own trust store. A
 * {@link ClientHttpConnectorBuilder} bean of the application's is used as is. RestClient and
 * RestTemplate are {@code restclient}'s. Without Spring's reactive HTTP client and Reactor on the
 * class path (an application without WebFlux), it backs off.
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
@ConditionalOnClass(value = {ClientHttpConnectorBuilder.class, ClientHttpConnectorBuilderCustomizer.class},
        name = {"org.springframework.http.client.reactive.ClientHttpConnector", "reactor.core.publisher.Mono"})
@ConditionalOnBean(name = SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)
@EnableConfigurationProperties(SiotlsProperties.class)
public class SiotlsWebClientAutoConfiguration {

    /** Name of the customizer that puts Boot's connector builder on the siotls context. */
    public static final String BUILDER_CUSTOMIZER = "siotlsClientHttpConnectorBuilderCustomizer";

    @Bean(BUILDER_CUSTOMIZER)
    @ConditionalOnMissingBean(name = BUILDER_CUSTOMIZER)
    SiotlsConnectorBuilderCustomizer siotlsClientHttpConnectorBuilderCustomizer(
            @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context, SiotlsProperties properties) {
        return new SiotlsConnectorBuilderCustomizer(context, properties.getClient().getHandshakeTimeout());
    }
}
