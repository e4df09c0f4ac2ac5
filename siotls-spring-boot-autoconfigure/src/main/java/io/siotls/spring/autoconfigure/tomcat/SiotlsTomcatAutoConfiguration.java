package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.CurrentConfiguration;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import javax.net.ssl.SSLContext;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Embedded Tomcat, servlet or reactive, serving HTTPS on the siotls server {@link SSLContext}
 * when {@code siotls.server.*} is configured. Tomcat's connector customizers are applied after
 * Boot's own settings (port, HTTP/2), so this runs alongside Boot's Tomcat auto-configurations.
 * The handshake failure log finds the peers of the connector's connections through
 * {@link TomcatHandshakePeers}.
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
@ConditionalOnClass({Tomcat.class, TomcatConnectorCustomizer.class})
public class SiotlsTomcatAutoConfiguration {

    @Bean
    @ConditionalOnBean(name = SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)
    @ConditionalOnMissingBean
    SiotlsTomcatConnectorCustomizer siotlsTomcatConnectorCustomizer(
            @Qualifier(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT) SSLContext context,
            @Qualifier(SiotlsAutoConfiguration.SERVER_CONFIGURATION) TLSConfiguration configuration,
            SiotlsProperties properties, ObjectProvider<LoggingSystem> logging) {
        return new SiotlsTomcatConnectorCustomizer(context,
                CurrentConfiguration.of(() -> context, () -> configuration, Side.SERVER),
                properties.getServer().getHandshakeTimeout(), properties.getServer(), logging.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(name = SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)
    @ConditionalOnMissingBean
    TomcatHandshakePeers siotlsTomcatHandshakePeers() {
        return new TomcatHandshakePeers();
    }
}
