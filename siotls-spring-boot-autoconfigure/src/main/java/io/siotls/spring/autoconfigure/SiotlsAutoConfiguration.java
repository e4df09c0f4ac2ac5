package io.siotls.spring.autoconfigure;

import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsProperties.Implementation;
import io.siotls.spring.autoconfigure.jsse.JsseContextFactory;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The siotls {@link TLSConfiguration}s and {@link SSLContext}s made from the {@code siotls.*}
 * properties, for the integrations (embedded servers, HTTP clients) to use, and the named clients
 * ({@link SiotlsNamedClients}, {@code siotls.clients.<name>}). Each bean backs off when a bean of
 * the same name exists.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@EnableConfigurationProperties(SiotlsProperties.class)
public class SiotlsAutoConfiguration {

    /** Name of the server {@link TLSConfiguration} bean. */
    public static final String SERVER_CONFIGURATION = "siotlsServerConfiguration";

    /** Name of the client {@link TLSConfiguration} bean. */
    public static final String CLIENT_CONFIGURATION = "siotlsClientConfiguration";

    /** Name of the server {@link SSLContext} bean. */
    public static final String SERVER_SSL_CONTEXT = "siotlsServerSslContext";

    /** Name of the client {@link SSLContext} bean. */
    public static final String CLIENT_SSL_CONTEXT = "siotlsClientSslContext";

    @Bean
    @ConditionalOnMissingBean
    TLSConfigurationFactory siotlsConfigurationFactory(ResourceLoader resourceLoader, ObjectProvider<SslBundles> bundles) {
        return new TLSConfigurationFactory(resourceLoader, bundles.getIfAvailable());
    }

    @Bean
    StartupWarnings siotlsStartupWarnings(org.springframework.beans.factory.BeanFactory beans,
            SiotlsProperties properties, Environment environment) {
        return new StartupWarnings(beans, properties, environment, java.time.Clock.systemUTC());
    }

    @Bean(SERVER_CONFIGURATION)
    @ConditionalOnMissingBean(name = SERVER_CONFIGURATION)
    @Conditional(OnSiotlsServerCondition.class)
    TLSConfiguration siotlsServerConfiguration(TLSConfigurationFactory factory, SiotlsProperties properties,
            Environment environment) {
        ServerSslConflict.check(environment);
        return factory.server(properties.getServer());
    }

    @Bean(CLIENT_CONFIGURATION)
    @ConditionalOnMissingBean(name = CLIENT_CONFIGURATION)
    TLSConfiguration siotlsClientConfiguration(TLSConfigurationFactory factory, SiotlsProperties properties) {
        return factory.client(properties.getClient());
    }

    @Bean(SERVER_SSL_CONTEXT)
    @ConditionalOnBean(name = SERVER_CONFIGURATION)
    @ConditionalOnMissingBean(name = SERVER_SSL_CONTEXT)
    SSLContext siotlsServerSslContext(@Qualifier(SERVER_CONFIGURATION) TLSConfiguration configuration,
            SiotlsProperties properties) {
        return properties.getImplementation() == Implementation.JSSE
                ? JsseContextFactory.create(configuration, properties.getServer())
                : SiotlsSSLContext.of(configuration);
    }

    @Bean(CLIENT_SSL_CONTEXT)
    @ConditionalOnMissingBean(name = CLIENT_SSL_CONTEXT)
    SSLContext siotlsClientSslContext(@Qualifier(CLIENT_CONFIGURATION) TLSConfiguration configuration,
            SiotlsProperties properties) {
        return clientContext(configuration, properties.getClient(), properties);
    }

    /** The named clients {@code siotls.clients.<name>}, each with its configuration and context. */
    @Bean(SiotlsNamedClients.BEAN)
    @ConditionalOnMissingBean(name = SiotlsNamedClients.BEAN)
    SiotlsNamedClients siotlsNamedClients(TLSConfigurationFactory factory, SiotlsProperties properties,
            Environment environment, ResourceLoader resourceLoader) {
        return SiotlsNamedClients.build(
                NamedClientProperties.resolve(properties.getClients().keySet(), environment, resourceLoader), factory,
                (configuration, client) -> clientContext(configuration, client, properties));
    }

    private static SSLContext clientContext(TLSConfiguration configuration, SiotlsClientProperties client,
            SiotlsProperties properties) {
        return properties.getImplementation() == Implementation.JSSE
                ? JsseContextFactory.create(configuration, client)
                : SiotlsSSLContext.of(configuration);
    }
}
