package io.siotls.spring.autoconfigure.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.TestApplications;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The server's {@code sessionTickets} in {@code /actuator/info}: on or off, the count, the
 * lifetime, the key source (random with its rotation period, or the key file) and the age of the
 * key now sealing — never a key, in Base64 or hex; nothing of the kind for the jsse
 * implementation, whose SunJSSE seals tickets of its own.
 */
class SessionTicketsInfoTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return TestApplications.localhostServerRunner(dir)
                .withConfiguration(AutoConfigurations.of(SiotlsActuatorAutoConfiguration.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sessionTickets(AssertableApplicationContext context) {
        Info.Builder builder = new Info.Builder();
        context.getBean(SiotlsInfoContributor.class).contribute(builder);
        Map<String, Object> siotls = (Map<String, Object>) builder.build().getDetails().get("siotls");
        return (Map<String, Object>) ((Map<String, Object>) siotls.get("server")).get("sessionTickets");
    }

    @Test
    void randomKeysShowTheirRotationAndTheCurrentKeysAgeOnceATicketWasSealed() {
        runner().withPropertyValues("siotls.server.session-tickets.count=3",
                "siotls.server.session-tickets.lifetime=30m").run(context -> {
                    Map<String, Object> before = sessionTickets(context);
                    assertThat(before).containsEntry("enabled", true).containsEntry("count", 3)
                            .containsEntry("lifetime", "PT30M").containsEntry("keySource", "random")
                            .containsEntry("rotationPeriod", "PT1H").doesNotContainKey("currentKeyAge");

                    Instant now = Instant.now();
                    context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class)
                            .sessionTicketKeys().seal(new byte[8], now, now.plus(Duration.ofMinutes(30)));
                    assertThat(Duration.parse((String) sessionTickets(context).get("currentKeyAge")))
                            .isBetween(Duration.ZERO, Duration.ofMinutes(1));
                });
    }

    @Test
    void aKeyFileShowsItsNameAndTheFilesAgeAndNeverTheKey() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);
        Path file = Files.writeString(dir.resolve("ticket.key"), base64 + "\n", StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(90))));

        runner().withPropertyValues("siotls.server.session-tickets.key-file=" + file.toUri()).run(context -> {
            Map<String, Object> info = sessionTickets(context);
            assertThat(info).containsEntry("enabled", true).containsEntry("count", 2).containsEntry("lifetime", "PT2H")
                    .containsEntry("keySource", "file").doesNotContainKey("rotationPeriod");
            assertThat((String) info.get("keyFile")).contains(file.toString());
            assertThat(Duration.parse((String) info.get("currentKeyAge")))
                    .isBetween(Duration.ofMinutes(90), Duration.ofMinutes(91));

            Info.Builder builder = new Info.Builder();
            context.getBean(SiotlsInfoContributor.class).contribute(builder);
            String everything = builder.build().getDetails().toString();
            assertThat(everything).doesNotContain(base64).doesNotContain(base64.substring(0, 20))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(key).substring(0, 20));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsseImplementationShowsNoneOfItsOwnTickets() {
        runner().withPropertyValues("siotls.implementation=jsse").run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean(SiotlsInfoContributor.class).contribute(builder);
            Map<String, Object> siotls = (Map<String, Object>) builder.build().getDetails().get("siotls");
            assertThat((Map<String, Object>) siotls.get("server")).containsKey("cipherSuites")
                    .doesNotContainKey("sessionTickets");
        });
    }

    @Test
    void disabledTicketsShowOnlyThat() {
        runner().withPropertyValues("siotls.server.session-tickets.enabled=false").run(context ->
                assertThat(sessionTickets(context)).containsExactly(Map.entry("enabled", false)));
    }
}
