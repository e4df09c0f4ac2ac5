package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.Identity;
import io.siotls.testing.KeyStoreFile;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The warnings at start: certificates out of (or close to the end of) their validity, key logging,
 * and a session ticket key file every user may read.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupWarningsTest {

    @TempDir
    Path directory;

    private PemFiles server(Instant notBefore, Instant notAfter) {
        Identity identity = TestPki.builder().validity(notBefore, notAfter).build();
        return identity.writePem(directory.resolve("server"));
    }

    private PemFiles longLived() {
        Instant now = Instant.now();
        return server(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    private void start(PemFiles files, String... more) {
        List<String> properties = new ArrayList<>(List.of(
                "siotls.server.certificate-chain=file:" + files.chain(),
                "siotls.server.private-key=file:" + files.key()));
        properties.addAll(List.of(more));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run()) {
            assertThat(context.containsBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION)).isTrue();
        }
    }

    @Test
    void anExpiredServerCertificateStartsWithAWarningNamingThePropertyAndNotAfter(CapturedOutput output) {
        Instant now = Instant.now();
        PemFiles files = server(now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
        start(files);
        String notAfter = certificateNotAfter(files);
        assertThat(output).contains("siotls.server.certificate-chain: the end-entity certificate CN=localhost")
                .contains("has EXPIRED (notAfter " + notAfter + ")");
        assertThat(count(output.getOut() + output.getErr(), "has EXPIRED")).isEqualTo(1);
    }

    @Test
    void aNotYetValidServerCertificateStartsWithAWarningNamingNotBefore(CapturedOutput output) {
        Instant now = Instant.now();
        PemFiles files = server(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(31)));
        start(files);
        assertThat(output).contains("siotls.server.certificate-chain: the end-entity certificate CN=localhost")
                .contains("is NOT YET VALID (notBefore ");
    }

    @Test
    void aCertificateWithinTheWindowIsWarnedOf(CapturedOutput output) {
        Instant now = Instant.now();
        PemFiles files = server(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)));
        start(files, "siotls.health.certificate-expiry-warning=30d");
        assertThat(output).contains("siotls.server.certificate-chain: the end-entity certificate CN=localhost")
                .contains("expires soon (notAfter " + certificateNotAfter(files) + ", within "
                        + "siotls.health.certificate-expiry-warning=PT720H)");
    }

    @Test
    void theDefaultWindowIsTheHealthIndicatorsFourteenDays(CapturedOutput output) {
        Instant now = Instant.now();
        start(server(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))));
        assertThat(output).contains("expires soon").contains("siotls.health.certificate-expiry-warning=PT336H");
    }

    @Test
    void expiredCertificatesFromKeyStoresAreWarnedOfNamingTheirKeyStoreProperties(CapturedOutput output) {
        Identity server = TestPki.builder().expired().build();
        Identity api = TestPki.builder().dnsNames("api.localhost").expired().build();
        Path serverStore = KeyStoreFile.pkcs12().key("server", server.privateKey(), server.chain(), "secret")
                .write(directory.resolve("server.p12"), "secret");
        Path apiStore = KeyStoreFile.jks().key("api", api.privateKey(), api.chain(), "secret")
                .write(directory.resolve("api.jks"), "secret");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE).properties("siotls.server.key-store=file:" + serverStore,
                        "siotls.server.key-store-password=secret", "siotls.server.sni[api.localhost].key-store=file:"
                                + apiStore, "siotls.server.sni[api.localhost].key-store-password=secret").run()) {
            assertThat(context.containsBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION)).isTrue();
        }
        assertThat(output).contains("siotls.server.key-store: the end-entity certificate CN=localhost")
                .contains("siotls.server.sni[api.localhost].key-store: the end-entity certificate CN=api.localhost")
                .doesNotContain("siotls.server.certificate-chain:");
    }

    @Test
    void keyLoggingToAFileIsWarnedOfNamingTheFile(CapturedOutput output) {
        Path keyLog = directory.resolve("keys.log");
        start(longLived(), "siotls.server.log-keys=true", "siotls.server.key-log-file=" + keyLog);
        assertThat(output).contains("siotls.server.log-keys is on: every traffic secret of siotls.server connections "
                + "is written to the file " + keyLog.toAbsolutePath());
        assertThat(output).doesNotContain("siotls.client.log-keys");
    }

    @Test
    void keyLoggingToTheLoggerIsWarnedOfNamingTheLogger(CapturedOutput output) {
        start(longLived(), "siotls.client.log-keys=true");
        assertThat(output).contains("siotls.client.log-keys is on: every traffic secret of siotls.client connections "
                + "is written to the io.siotls.keylog logger");
    }

    @Test
    void aTicketKeyFileEveryUserMayReadIsWarnedOfAndOneOfTheServersUserIsNot(CapturedOutput output) throws Exception {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String key = Base64.getEncoder().encodeToString(bytes);
        Path open = Files.writeString(directory.resolve("open.key"), key + "\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        Path closed = Files.writeString(directory.resolve("closed.key"), key + "\n");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rw-------"));

        start(longLived(), "siotls.server.session-tickets.key-file=file:" + open);
        assertThat(output).contains("siotls.server.session-tickets.key-file: " + open.toAbsolutePath()
                + " is readable by every user of the host").contains("chmod 600").doesNotContain(key);
        start(longLived(), "siotls.server.session-tickets.key-file=file:" + closed);
        assertThat(output).doesNotContain(closed.toAbsolutePath() + " is readable");
    }

    @Test
    void resumingWithoutForwardSecrecyIsWarnedOfAndReachesTheConfiguration(CapturedOutput output) {
        List<String> properties = List.of("siotls.server.certificate-chain=file:" + longLived().chain(),
                "siotls.server.private-key=file:" + longLived().key(),
                "siotls.server.session-tickets.psk-ke-without-forward-secrecy=true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run()) {
            assertThat(context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, io.siotls.TLSConfiguration.class)
                    .pskKeWithoutForwardSecrecy()).isTrue();
        }
        assertThat(output).contains("siotls.server.session-tickets.psk-ke-without-forward-secrecy is true")
                .contains("NO forward secrecy");
    }

    @Test
    void aNormalConfigurationWarnsOfNothing(CapturedOutput output) {
        start(longLived());
        assertThat(output).doesNotContain("EXPIRED").doesNotContain("NOT YET VALID").doesNotContain("expires soon")
                .doesNotContain("log-keys is on").doesNotContain("session-tickets.key-file")
                .doesNotContain("psk-ke-without-forward-secrecy");
    }

    private static String certificateNotAfter(PemFiles files) {
        try {
            var factory = java.security.cert.CertificateFactory.getInstance("X.509");
            try (var in = java.nio.file.Files.newInputStream(files.chain())) {
                return ((java.security.cert.X509Certificate) factory.generateCertificate(in)).getNotAfter().toInstant()
                        .toString();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({SslAutoConfiguration.class, SiotlsAutoConfiguration.class})
    static class Application {
    }
}
