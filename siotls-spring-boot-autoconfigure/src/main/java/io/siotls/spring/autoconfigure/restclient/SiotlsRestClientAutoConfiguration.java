package io.siotls.spring.autoconfigure.restclient;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * The auto-configured {@code RestClient.Builder} and {@code RestTemplateBuilder} make their HTTPS
 * connections with the siotls client {@link SSLContext} (bean
 * {@value SiotlsAutoConfiguration#CLIENT_SSL_CONTEXT}), whichever request factory Boot picks:
 * the JDK's HttpClient, Reactor Netty, Apache HttpClient 5 or Jetty. This holds without any
 * {@code siotls.client.*} property (the JDK's trust anchors then verify servers), and with
 * {@code siotls.implementation=jsse} the same material runs on SunJSSE.
 * <p>
 * It backs off where the application chose otherwise: a {@link ClientHttpRequestFactoryBuilder},
 * {@code RestClient.Builder} or {@code RestTemplateBuilder} bean of its own is used as is, and an
 * SSL bundle named for a client ({@code spring.http.clients.ssl.bundle}, {@code RestClientSsl},
 * {@code RestTemplateBuilder.sslBundle}) is served the way Boot serves it.
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class,
        afterName = "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration",
        beforeName = {"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
            "org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration"})
@ConditionalOnClass({ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilderCustomizer.class})
@ConditionalOnBean(name = SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)
@EnableConfigurationProperties(SiotlsProperties.class)
public class SiotlsRestClientAutoConfiguration {

    /** Name of the customizer that puts Boot's request factory builder on the siotls context. */
    public static final String BUILDER_CUSTOMIZER = "siotlsClientHttpRequestFactoryBuilderCustomizer";

    @Bean(BUILDER_CUSTOMIZER)
    @ConditionalOnMissingBean(name = BUILDER_CUSTOMIZER)
    SiotlsRequestFactoryBuilderCustomizer siotlsClientHttpRequestFactoryBuilderCustomizer(
            @Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context, SiotlsProperties properties) {
        return new SiotlsRequestFactoryBuilderCustomizer(
                new ClientTls(context, properties.getClient().getHandshakeTimeout()));
    }

    /**
     * The builder RestClient would detect by itself where Boot defines none (a reactive web
     * application), on the siotls context.
     */
    @Bean
    @ConditionalOnMissingBean(ClientHttpRequestFactoryBuilder.class)
    @ConditionalOnClass(name = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
    ClientHttpRequestFactoryBuilder<?> siotlsClientHttpRequestFactoryBuilder(ResourceLoader resourceLoader,
            @Qualifier(BUILDER_CUSTOMIZER) ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>> customizer) {
        return customizer.customize(ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader()));
    }
}
