package io.siotls.spring.autoconfigure.devcerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.KeyStoreFile;
import io.siotls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** siotls.dev-certificates: off unless asked, never over the application's own key material, made once and reused. */
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentCertificatesTest {

    @TempDir
    Path directory;

    @TempDir
    Path ownDirectory;

    private ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).properties(properties).run();
    }

    @Test
    void offByDefault() {
        try (ConfigurableApplicationContext context = start("siotls.dev-certificates.directory=" + directory)) {
            assertThat(context.getEnvironment().getPropertySources()
                    .contains(DevelopmentCertificatesEnvironmentPostProcessor.PROPERTY_SOURCE)).isFalse();
            assertThat(context.containsBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION)).isFalse();
            assertThat(directory).isEmptyDirectory();
        }
    }

    @Test
    void whenEnabledTheServerHasMutualTlsAndTheClientItsCertificate(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = start("siotls.dev-certificates.enabled=true",
                "siotls.dev-certificates.directory=" + directory)) {
            TLSConfiguration server = context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
            assertThat(server.certificateChain().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            assertThat(server.clientAuthentication()).hasToString("REQUIRED");
            TLSConfiguration client = context.getBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION, TLSConfiguration.class);
            assertThat(client.certificateChain().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=siotls development client");
            assertThat(client.truststore().trustAnchors()).hasSizeGreaterThan(1);
        }
        assertThat(output).contains("serving DEVELOPMENT certificates made now in " + directory)
                .contains("must never be used in production");
        assertThat(Files.getPosixFilePermissions(directory.resolve(DevelopmentCertificates.SERVER_KEY)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        byte[] ca = Files.readAllBytes(directory.resolve(DevelopmentCertificates.CA));
        try (ConfigurableApplicationContext again = start("siotls.dev-certificates.enabled=true",
                "siotls.dev-certificates.directory=" + directory)) {
            assertThat(output).contains("serving DEVELOPMENT certificates reused from " + directory);
        }
        assertThat(Files.readAllBytes(directory.resolve(DevelopmentCertificates.CA))).isEqualTo(ca);
    }

    @Test
    void theApplicationsOwnKeyMaterialWins(CapturedOutput output) {
        TestPki.Leaf own = new TestPki(ownDirectory).leaf("own", "own.example");
        try (ConfigurableApplicationContext context = start("siotls.dev-certificates.enabled=true",
                "siotls.dev-certificates.directory=" + directory,
                "siotls.server.certificate-chain=" + TestPki.location(own.chainFile()),
                "siotls.server.private-key=" + TestPki.location(own.keyFile()))) {
            TLSConfiguration server = context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
            assertThat(server.certificateChain().get(0)).isEqualTo(own.certificate());
            assertThat(directory).isEmptyDirectory();
        }
        assertThat(output).contains("siotls.server has key material: the development certificates are not used");
    }

    @Test
    void aServerKeyStoreIsTheApplicationsOwnKeyMaterial(CapturedOutput output) {
        TestPki pki = new TestPki(ownDirectory);
        TestPki.Leaf own = pki.leaf("own", "own.example");
        Path store = KeyStoreFile.pkcs12().key("own", own, pki.root(), "secret").write(ownDirectory.resolve("own.p12"),
                "secret");
        try (ConfigurableApplicationContext context = start("siotls.dev-certificates.enabled=true",
                "siotls.dev-certificates.directory=" + directory, "siotls.server.key-store=" + TestPki.location(store),
                "siotls.server.key-store-password=secret")) {
            TLSConfiguration server = context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
            assertThat(server.certificateChain().get(0)).isEqualTo(own.certificate());
            assertThat(directory).isEmptyDirectory();
        }
        assertThat(output).contains("siotls.server has key material: the development certificates are not used");
    }

    @Test
    void aClientKeyStoreKeepsTheDevelopmentClientCertificateOut() {
        TestPki pki = new TestPki(ownDirectory);
        TestPki.Leaf own = pki.leaf("own", "own.example");
        Path store = KeyStoreFile.jks().key("own", own, pki.root(), "secret").write(ownDirectory.resolve("own.jks"),
                "secret");
        try (ConfigurableApplicationContext context = start("siotls.dev-certificates.enabled=true",
                "siotls.dev-certificates.directory=" + directory, "siotls.client.key-store=" + TestPki.location(store),
                "siotls.client.key-store-password=secret")) {
            TLSConfiguration client = context.getBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION, TLSConfiguration.class);
            assertThat(client.certificateChain().get(0)).isEqualTo(own.certificate());
            assertThat(client.truststore().trustAnchors()).as("the development CA and the JDK's").hasSizeGreaterThan(1);
            assertThat(context.containsBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION)).isTrue();
        }
    }

    @Test
    void anAheadOfTimeBuildSeesTheServerConfiguredButMakesNoCertificate() {
        Path later = directory.resolve("made-at-start");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "siotls.dev-certificates.enabled", "true", "siotls.dev-certificates.directory", later.toString())));
        String processing = System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
        try {
            new DevelopmentCertificatesEnvironmentPostProcessor(Supplier::get)
                    .postProcessEnvironment(environment, new SpringApplication());
        } finally {
            if (processing == null) {
                System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
            } else {
                System.setProperty(AbstractAotProcessor.AOT_PROCESSING, processing);
            }
        }
        assertThat(environment.getProperty("siotls.server.certificate-chain"))
                .isEqualTo(later.resolve(DevelopmentCertificates.SERVER_CHAIN).toUri().toString());
        assertThat(environment.getProperty("siotls.client.private-key"))
                .isEqualTo(later.resolve(DevelopmentCertificates.CLIENT_KEY).toUri().toString());
        assertThat(later).doesNotExist();
    }

    /** Only the siotls beans. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
            DevelopmentCertificatesAutoConfiguration.class})
    static class Application {
    }
}
