package io.siotls.spring.autoconfigure.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.siotls.spring.autoconfigure.MutualTlsPki;
import io.siotls.spring.autoconfigure.SiotlsHandshakeFailureLog;
import io.siotls.spring.autoconfigure.TestApplications;
import io.siotls.testing.SteppingClock;
import io.siotls.testing.Curl;
import io.siotls.testing.OpenSsl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Reactor Netty application with siotls mutual TLS logs the handshakes it refuses: a TLS 1.2
 * client and a client without a certificate each leave a DEBUG line with the peer's address, the
 * side and the alert, and an INFO summary with the counts by reason follows at most once a minute
 * (the clock is the test's); nothing is summarised when nothing failed.
 */
@ExtendWith(OutputCaptureExtension.class)
class NettyHandshakeFailureLogTest {

    @TempDir
    static Path pkiDir;

    @TempDir
    static Path strangerDir;

    private static final SteppingClock CLOCK = new SteppingClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static MutualTlsPki mtls;
    private static ConfigurableApplicationContext application;
    private static int port;

    @BeforeAll
    static void start() {
        mtls = MutualTlsPki.write(pkiDir, strangerDir);
        application = new SpringApplicationBuilder(LoggingApplication.class).web(WebApplicationType.REACTIVE)
                .profiles("mtls").properties(mtls.dirProperty(),
                        "logging.level.io.siotls.spring.autoconfigure.SiotlsHandshakeFailureLog=debug",
                        "spring.autoconfigure.exclude=" + TestApplications.TOMCAT_REACTIVE)
                .run();
        port = TestApplications.port(application);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @AfterEach
    void summariseWhatIsLeft() {
        application.getBean(SiotlsHandshakeFailureLog.class).flush();
    }

    @Test
    void refusalsAreLoggedAtDebugAndSummarisedAtInfoAfterAMinute(CapturedOutput output) throws Exception {
        OpenSsl.Result tls12 = OpenSsl.run("s_client", "-tls1_2", "-connect", "localhost:" + port);
        assertThat(tls12.exitCode()).as(tls12.output()).isNotZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("DEBUG .*siotls refused a handshake: side server, peer (unknown|[^ ]+:\\d+), alert protocol_version"));
        Curl.Result anonymous = mtls.curlWithoutCertificate("https://localhost:" + port + "/hello");
        assertThat(anonymous.exitCode()).as(anonymous.verbose()).isNotZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("siotls refused a handshake: side server, peer (unknown|[^ ]+:\\d+), alert certificate_required"));
        assertThat(output.getOut()).doesNotContain("siotls refused 2");

        CLOCK.advance(Duration.ofSeconds(61));
        OpenSsl.run("s_client", "-tls1_2", "-connect", "localhost:" + port);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "INFO .*siotls refused 3 handshakes in the last minute: protocol_version 2, certificate_required 1"));
    }

    @Test
    void nothingIsSummarisedWhenNothingFailed(CapturedOutput output) throws Exception {
        Curl.Result result = mtls.curlWithClientCertificate("https://localhost:" + port + "/hello");
        assertThat(result.exitCode()).as(result.verbose()).isZero();
        CLOCK.advance(Duration.ofMinutes(2));
        application.getBean(SiotlsHandshakeFailureLog.class).flush();
        assertThat(output.getOut()).doesNotContain("siotls refused");
    }

    /** The application: Boot's auto-configuration, with the failure log on the test's clock. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class LoggingApplication {

        @Bean
        SiotlsHandshakeFailureLog siotlsHandshakeFailureLog(BeanFactory beans) {
            return new SiotlsHandshakeFailureLog(beans, CLOCK);
        }
    }
}
