package io.siotls.spring.autoconfigure.devcerts;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Logs, once the application's own web server is up on development certificates, the curl
 * command that reaches it with the development client certificate. Loaded only with a web server
 * on the class path ({@link DevelopmentCertificatesAutoConfiguration}).
 */
final class DevelopmentCurlCommandLog implements ApplicationListener<WebServerInitializedEvent> {

    private static final Log LOG = LogFactory.getLog(DevelopmentCertificatesAutoConfiguration.class);

    private final Environment environment;

    DevelopmentCurlCommandLog(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        boolean served = environment instanceof ConfigurableEnvironment configurable && configurable
                .getPropertySources().contains(DevelopmentCertificatesEnvironmentPostProcessor.PROPERTY_SOURCE);
        if (!served || event.getApplicationContext().getParent() != null) {
            return;
        }
        LOG.warn("siotls development certificates: reach this server with mutual TLS with\n    "
                + DevelopmentCertificatesAutoConfiguration.curlCommand(environment, event.getWebServer().getPort()));
    }
}
