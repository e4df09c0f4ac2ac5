package io.siotls.spring.autoconfigure.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.Identity;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
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
 * {@code reload-on-update} warns of the certificates it brings in as a start does: a renewal
 * gone wrong (an expired certificate copied in, or one about to expire) is served, and warned of
 * once for that reload, naming the property and the date.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReloadCertificateWarningsTest {

    @TempDir
    Path live;

    @TempDir
    Path staging;

    private static Identity identity(String subject, Instant notBefore, Instant notAfter) {
        return TestPki.builder().subject(subject).validity(notBefore, notAfter).build();
    }

    @Test
    void anExpiredOrSoonExpiringCertificateBroughtByAReloadIsWarnedOfOnce(CapturedOutput output) throws Exception {
        Instant now = Instant.now();
        PemFiles files = identity("CN=valid", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))
                .writePem(live);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE).properties(
                        "siotls.server.certificate-chain=" + TestPki.location(files.chain()),
                        "siotls.server.private-key=" + TestPki.location(files.key()),
                        "siotls.server.reload-on-update=true", "siotls.reload-quiet-period=200ms").run()) {
            assertThat(app.getBean("siotlsServerReloader")).isInstanceOf(SiotlsReloader.class);
            assertThat(output).doesNotContain("has EXPIRED").doesNotContain("expires soon");

            Identity expired = identity("CN=expired", now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
            replace(expired.writePem(staging.resolve("expired")).chain(), files.chain());
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(output).contains(
                    "siotls.server.certificate-chain: the end-entity certificate CN=expired has EXPIRED (notAfter "
                    + expired.leaf().getNotAfter().toInstant() + ")"));
            assertThat(output.getAll().indexOf("siotls.server: key and trust material reloaded"))
                    .as("the reload is logged before its warning").isNotNegative()
                    .isLessThan(output.getAll().indexOf("CN=expired has EXPIRED"));

            Identity soon = identity("CN=soon", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3)));
            replace(soon.writePem(staging.resolve("soon")).chain(), files.chain());
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(output).contains(
                    "siotls.server.certificate-chain: the end-entity certificate CN=soon expires soon (notAfter "
                    + soon.leaf().getNotAfter().toInstant() + ", within siotls.health.certificate-expiry-warning=PT336H)"));
            assertThat(count(output.getAll(), "has EXPIRED")).as("one warning for the one reload").isEqualTo(1);
            assertThat(count(output.getAll(), "expires soon")).isEqualTo(1);
        }
    }

    /** Moves a file into place at once, as deployment tools do. */
    private static void replace(Path source, Path target) throws IOException {
        Path temporary = Files.copy(source, target.resolveSibling(target.getFileName() + ".new"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
            SiotlsReloadAutoConfiguration.class})
    static class Application {
    }
}
