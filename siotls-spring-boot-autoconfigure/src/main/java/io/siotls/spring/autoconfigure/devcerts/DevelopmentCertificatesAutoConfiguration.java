package io.siotls.spring.autoconfigure.devcerts;

import java.nio.file.Path;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * With {@code siotls.dev-certificates.enabled}, logs once the web server is up the curl command
 * that reaches it with the development client certificate.
 */
@AutoConfiguration
@EnableConfigurationProperties(SiotlsDevCertificatesProperties.class)
public class DevelopmentCertificatesAutoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("siotls.dev-certificates.enabled")
    @ConditionalOnClass(WebServerInitializedEvent.class)
    ApplicationListener<WebServerInitializedEvent> siotlsDevelopmentCurlCommand(Environment environment) {
        return event -> {
            boolean served = environment instanceof ConfigurableEnvironment configurable && configurable
                    .getPropertySources().contains(DevelopmentCertificatesEnvironmentPostProcessor.PROPERTY_SOURCE);
            if (!served || event.getApplicationContext().getParent() != null) {
                return;
            }
            Log log = LogFactory.getLog(DevelopmentCertificatesAutoConfiguration.class);
            log.warn("siotls development certificates: reach this server with mutual TLS with\n    "
                    + curlCommand(environment, event.getWebServer().getPort()));
        };
    }

    /** The curl command that reaches {@code port} with the development certificates. */
    static String curlCommand(Environment environment, int port) {
        Path directory = Path.of(environment.getProperty("siotls.dev-certificates.directory",
                SiotlsDevCertificatesProperties.DEFAULT_DIRECTORY)).toAbsolutePath().normalize();
        return "curl --cacert " + directory.resolve(DevelopmentCertificates.CA)
                + " --cert " + directory.resolve(DevelopmentCertificates.CLIENT_CHAIN)
                + " --key " + directory.resolve(DevelopmentCertificates.CLIENT_KEY)
                + " https://localhost:" + port + "/";
    }
}
