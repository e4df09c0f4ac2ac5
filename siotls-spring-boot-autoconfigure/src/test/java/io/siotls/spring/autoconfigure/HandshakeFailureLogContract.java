package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.siotls.testing.Curl;
import io.siotls.testing.OpenSsl;
import io.siotls.testing.SteppingClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the handshake failure log of an application with siotls mutual TLS writes, on the server
 * a subclass starts: a TLS 1.2 client and a client without a certificate, each from a local port
 * of its own, leave a DEBUG line with that address (127.0.0.1 and the port), the side and the
 * alert, and an INFO summary with the counts by reason follows at most once a minute (the clock
 * is the test's); nothing is summarised when nothing failed.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HandshakeFailureLogContract {

    private static final SteppingClock CLOCK = new SteppingClock(Instant.parse("2030-01-01T00:00:00Z"));

    @TempDir
    static Path pkiDir;

    @TempDir
    static Path strangerDir;

    private MutualTlsPki mtls;
    private ConfigurableApplicationContext application;
    private int port;

    /** {@code application} made to run on the server under test. */
    protected abstract SpringApplicationBuilder onServer(SpringApplicationBuilder application);

    @BeforeAll
    void start() {
        mtls = MutualTlsPki.write(pkiDir, strangerDir);
        application = onServer(new SpringApplicationBuilder(LoggingApplication.class)).profiles("mtls")
                .properties(mtls.dirProperty(),
                        "logging.level.io.siotls.spring.autoconfigure.SiotlsHandshakeFailureLog=debug")
                .run();
        port = TestApplications.port(application);
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
    }

    @AfterEach
    void summariseWhatIsLeft() {
        application.getBean(SiotlsHandshakeFailureLog.class).flush();
    }

    @Test
    void refusalsAreLoggedAtDebugWithThePeerAndSummarisedAtInfoAfterAMinute(CapturedOutput output) throws Exception {
        int tls12Port = freePort();
        OpenSsl.Result tls12 = OpenSsl.run("s_client", "-tls1_2", "-connect", "127.0.0.1:" + port,
                "-bind", "127.0.0.1:" + tls12Port);
        assertThat(tls12.exitCode()).as(tls12.output()).isNotZero();
        assertThat(tls12.output()).contains("alert protocol version");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "DEBUG .*" + Pattern.quote("siotls refused a handshake: side server, peer 127.0.0.1:" + tls12Port
                        + ", alert protocol_version: ")));

        int anonymousPort = freePort();
        Curl.Result anonymous = mtls.curlWithoutCertificate("--ipv4", "--local-port", Integer.toString(anonymousPort),
                "https://localhost:" + port + "/hello");
        assertThat(anonymous.refused("certificate required")).as(anonymous.verbose()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "DEBUG .*" + Pattern.quote("siotls refused a handshake: side server, peer 127.0.0.1:" + anonymousPort
                        + ", alert certificate_required: ")));
        assertThat(output.getOut()).doesNotContain("siotls refused 2");

        CLOCK.advance(Duration.ofSeconds(61));
        OpenSsl.run("s_client", "-tls1_2", "-connect", "127.0.0.1:" + port);
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

    /** A loopback port nothing listens on, for a client to connect from. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
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
