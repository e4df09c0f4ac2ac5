package io.siotls.spring.autoconfigure.devcerts;

import java.nio.file.Path;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code siotls.dev-certificates.enabled}, logs once the web server is up the curl command
 * that reaches it with the development client certificate. An application without a web server
 * (no {@code spring-boot-web-server} on its class path) gets the properties only: the listener
 * lives in a configuration of its own, guarded by the web server's event class, so that nothing
 * of this class names a type that may be absent.
 */
@AutoConfiguration
@EnableConfigurationProperties(SiotlsDevCertificatesProperties.class)
public class DevelopmentCertificatesAutoConfiguration {

    /** Name of the web server's event, which the curl command needs for the port. */
    static final String WEB_SERVER_EVENT = "org.springframework.boot.web.server.context.WebServerInitializedEvent";

    /** The curl command, for applications with a web server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = WEB_SERVER_EVENT)
    @ConditionalOnBooleanProperty("siotls.dev-certificates.enabled")
    static class WebServer {

        @Bean
        DevelopmentCurlCommandLog siotlsDevelopmentCurlCommand(Environment environment) {
            return new DevelopmentCurlCommandLog(environment);
        }
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
