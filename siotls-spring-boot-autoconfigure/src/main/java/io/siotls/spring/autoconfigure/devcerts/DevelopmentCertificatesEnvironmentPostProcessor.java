package io.siotls.spring.autoconfigure.devcerts;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code siotls.dev-certificates.enabled=true}: when {@code siotls.server} has no key material,
 * serves development certificates (made once into {@code siotls.dev-certificates.directory})
 * with mutual TLS, and gives the application's own clients the development client certificate
 * and a trust store of the development CA plus the JDK's anchors, unless the application's clients
 * take theirs from a key store or a bundle. The properties go last, so any {@code siotls.*}
 * property the application sets wins. Off by default; a warning at every start. During an
 * ahead-of-time build ({@code spring-boot:process-aot}, which sets
 * {@value AbstractAotProcessor#AOT_PROCESSING}) the properties are set, so that the build sees
 * the server configured, but no certificate is made: the application makes them when it starts.
 */
public class DevelopmentCertificatesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** Name of the property source holding the development certificates' properties. */
    public static final String PROPERTY_SOURCE = "siotlsDevelopmentCertificates";

    private static final List<String> SERVER_KEY_MATERIAL = List.of("siotls.server.certificate-chain",
            "siotls.server.key-store", "siotls.server.public-key", "siotls.server.bundle");

    /** Client properties the development client certificate would contradict. */
    private static final List<String> CLIENT_KEY_MATERIAL = List.of("siotls.client.key-store", "siotls.client.bundle");

    private final Log log;

    public DevelopmentCertificatesEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(DevelopmentCertificatesEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("siotls.dev-certificates.enabled", Boolean.class, false)) {
            return;
        }
        if (SERVER_KEY_MATERIAL.stream().anyMatch(environment::containsProperty)) {
            log.warn("siotls.dev-certificates.enabled is true but siotls.server has key material: "
                    + "the development certificates are not used");
            return;
        }
        Path directory = Path.of(environment.getProperty("siotls.dev-certificates.directory",
                SiotlsDevCertificatesProperties.DEFAULT_DIRECTORY));
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            log.info("siotls.dev-certificates.enabled is true: ahead-of-time build, no development certificate "
                    + "made; the application makes them in " + directory.toAbsolutePath().normalize() + " when it starts");
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE,
                    properties(environment, DevelopmentCertificates.locatedIn(directory))));
            return;
        }
        boolean existed = DevelopmentCertificates.present(directory.toAbsolutePath().normalize());
        DevelopmentCertificates certificates = DevelopmentCertificates.inDirectory(directory);
        log.warn("siotls.dev-certificates.enabled is true: serving DEVELOPMENT certificates "
                + (existed ? "reused from " : "made now in ") + certificates.directory()
                + ". They are for trying the application out and must never be used in production.");
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE,
                properties(environment, certificates)));
    }

    /** The {@code siotls.*} properties serving {@code certificates}, those the application set left out. */
    private static Map<String, Object> properties(ConfigurableEnvironment environment,
            DevelopmentCertificates certificates) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("siotls.server.certificate-chain", location(certificates, DevelopmentCertificates.SERVER_CHAIN));
        properties.put("siotls.server.private-key", location(certificates, DevelopmentCertificates.SERVER_KEY));
        properties.put("siotls.server.truststore", location(certificates, DevelopmentCertificates.CA));
        if (CLIENT_KEY_MATERIAL.stream().noneMatch(environment::containsProperty)) {
            properties.put("siotls.client.certificate-chain", location(certificates, DevelopmentCertificates.CLIENT_CHAIN));
            properties.put("siotls.client.private-key", location(certificates, DevelopmentCertificates.CLIENT_KEY));
        }
        if (!environment.containsProperty("siotls.client.bundle")) {
            properties.put("siotls.client.truststore", location(certificates, DevelopmentCertificates.CLIENT_TRUSTSTORE));
        }
        return properties;
    }

    private static String location(DevelopmentCertificates certificates, String name) {
        return certificates.file(name).toUri().toString();
    }
}
