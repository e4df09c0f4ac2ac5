package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.tickets.TicketKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code siotls.server.session-tickets.enabled}, {@code .rotation-period} and {@code .key-file}:
 * the keys each gives the server configuration, random keys carried over to every configuration
 * the factory rebuilds (what reload-on-update does), a key file read anew on each rebuild, and
 * every bad value a startup failure naming its property.
 */
class SessionTicketKeysPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final byte[] STATE = "state".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return TestApplications.localhostServerRunner(dir);
    }

    private static TLSConfiguration server(AssertableApplicationContext context) {
        return context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
    }

    /** The configuration the factory builds anew from the same properties, as a reload does. */
    private static TLSConfiguration rebuilt(AssertableApplicationContext context) {
        return context.getBean(TLSConfigurationFactory.class).server(context.getBean(SiotlsProperties.class).getServer());
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private Path keyFile(String... keys) throws Exception {
        return Files.writeString(dir.resolve("ticket.key"), String.join("\n", keys) + "\n");
    }

    private static byte[] seal(TLSConfiguration configuration) {
        return configuration.sessionTicketKeys().seal(STATE, NOW, NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void randomKeysRotateHourlyByDefaultAndARebuiltConfigurationKeepsThem() {
        runner().run(context -> {
            TLSConfiguration first = server(context);
            TLSConfiguration second = rebuilt(context);
            assertThat(first.sessionTicketKeys().rotationPeriod()).isEqualTo(TicketKeys.DEFAULT_ROTATION_PERIOD);
            assertThat(second.sessionTicketKeys()).isSameAs(first.sessionTicketKeys());
            assertThat(second.sessionTicketKeys().open(seal(first), NOW)).isEqualTo(STATE);
        });
        runner().withPropertyValues("siotls.server.session-tickets.rotation-period=10m").run(context ->
                assertThat(server(context).sessionTicketKeys().rotationPeriod()).isEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void twoApplicationsOfTheSamePropertiesBuildEqualConfigurationsEachWithItsOwnRandomKeys() {
        ApplicationContextRunner runner = runner();
        TLSConfiguration[] first = new TLSConfiguration[1];
        runner.run(context -> first[0] = server(context));
        runner.run(context -> {
            assertThat(server(context)).isEqualTo(first[0]);
            assertThat(server(context).sessionTicketKeys()).isNotSameAs(first[0].sessionTicketKeys());
            assertThat(server(context).sessionTicketKeys().open(seal(first[0]), NOW)).isNull();
        });
    }

    @Test
    void twoApplicationsOfOneKeyFileOpenEachOthersTicketsAndARebuildReadsTheFileAnew() throws Exception {
        String first = newKey();
        Path file = keyFile(first);
        String property = "siotls.server.session-tickets.key-file=" + file.toUri();
        byte[][] ticket = new byte[1][];
        runner().withPropertyValues(property).run(context -> {
            assertThat(server(context).sessionTicketKeys().rotationPeriod()).as("fixed keys").isNull();
            ticket[0] = seal(server(context));
        });
        runner().withPropertyValues(property).run(context -> {
            assertThat(server(context).sessionTicketKeys().open(ticket[0], NOW)).isEqualTo(STATE);
            keyFile(newKey());
            assertThat(rebuilt(context).sessionTicketKeys().open(ticket[0], NOW)).as("the file replaced").isNull();
            keyFile(newKey(), first);
            assertThat(rebuilt(context).sessionTicketKeys().open(ticket[0], NOW)).as("kept second").isEqualTo(STATE);
        });
    }

    @Test
    void disabledSendsNoTicketsAndHasNoKeys() {
        runner().withPropertyValues("siotls.server.session-tickets.enabled=false").run(context -> {
            assertThat(server(context).sessionTickets()).isZero();
            assertThat(server(context).sessionTicketKeys()).isNull();
        });
    }

    @Test
    void aBadKeyFileFailsStartupNamingKeyFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.key"), "");
        Path shortKey = Files.writeString(dir.resolve("short.key"), Base64.getEncoder().encodeToString(new byte[16]));
        Path binary = Files.write(dir.resolve("binary.key"), new byte[] {0, 1, 2, (byte) 0xff});
        Path missing = dir.resolve("missing.key");
        for (Path file : new Path[] {empty, shortKey, binary, missing}) {
            runner().withPropertyValues("siotls.server.session-tickets.key-file=" + file.toUri()).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new SiotlsFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis).as(file.toString()).isNotNull();
                assertThat(analysis.getDescription()).contains("siotls.server.session-tickets.key-file")
                        .contains(file.getFileName().toString());
                if (!file.equals(missing)) {
                    assertThat(analysis.getAction()).contains("openssl rand -base64 32");
                }
            });
        }
    }

    @Test
    void aRotationPeriodOutOfRangeOrBesideAKeyFileFailsNamingRotationPeriod() throws Exception {
        Path file = keyFile(newKey());
        runner().withPropertyValues("siotls.server.session-tickets.rotation-period=30s").run(context ->
                assertThat(failedProperty(context)).isEqualTo("siotls.server.session-tickets.rotation-period"));
        runner().withPropertyValues("siotls.server.session-tickets.rotation-period=2h",
                "siotls.server.session-tickets.key-file=" + file.toUri()).run(context ->
                assertThat(failedProperty(context)).isEqualTo("siotls.server.session-tickets.rotation-period"));
    }

    @Test
    void theJsseImplementationRefusesAKeyFile() throws Exception {
        Path file = keyFile(newKey());
        runner().withPropertyValues("siotls.implementation=jsse", "siotls.server.session-tickets.key-file=" + file.toUri())
                .run(context -> assertThat(failedProperty(context)).isEqualTo("siotls.server.session-tickets.key-file"));
    }

    private static String failedProperty(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        Throwable failure = context.getStartupFailure();
        while (failure != null && !(failure instanceof SiotlsPropertyException)) {
            failure = failure.getCause();
        }
        assertThat(failure).as("a SiotlsPropertyException").isNotNull();
        return ((SiotlsPropertyException) failure).property();
    }
}
