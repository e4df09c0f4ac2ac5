package io.siotls.spring.autoconfigure;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * Refuses a server configured both with Spring Boot's {@code server.ssl.*} (the JDK's TLS, from
 * Boot's own SSL support) and with {@code siotls.server.*}: one of the two would be silently
 * ignored, and which one is not something a user should have to guess.
 */
final class ServerSslConflict {

    private static final ConfigurationPropertyName SERVER_SSL = ConfigurationPropertyName.of("server.ssl");

    private ServerSslConflict() {
    }

    /**
     * @throws SiotlsPropertyException when a {@code server.ssl.*} property is set and
     *         {@code server.ssl.enabled} is not false
     */
    static void check(Environment environment) {
        if (Boolean.FALSE.equals(environment.getProperty("server.ssl.enabled", Boolean.class))) {
            return;
        }
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(SERVER_SSL) == ConfigurationPropertyState.PRESENT) {
                throw new SiotlsPropertyException(TLSConfigurationFactory.SERVER,
                        "is set together with Spring Boot's server.ssl.*, which would configure the same server "
                                + "on the JDK's TLS",
                        "Configure the server's TLS either with siotls.server.* (siotls) or with server.ssl.*, "
                                + "not both: remove the server.ssl.* properties, or set server.ssl.enabled=false.");
            }
        }
    }
}
