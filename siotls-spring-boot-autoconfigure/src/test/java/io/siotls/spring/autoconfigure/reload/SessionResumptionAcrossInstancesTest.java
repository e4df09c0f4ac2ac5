package io.siotls.spring.autoconfigure.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.HelloApplication;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.TestApplications;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tomcat applications resuming each other's sessions through one
 * {@code siotls.server.session-tickets.key-file}, as instances behind a load balancer do, with
 * {@code openssl s_client} as the client: its session saved from one instance ({@code -sess_out})
 * is resumed on the other ({@code -sess_in}); after the file is rotated (a new key first, the old
 * one second) and reloaded the old tickets still resume, and once the old key is removed they fall
 * back to full handshakes. With random keys, a certificate reloaded by reload-on-update keeps the
 * tickets issued before resumable; a broken key file is refused on reload, naming the property,
 * and the keys before it stay; with {@code enabled=false} no ticket is sent.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@ExtendWith(OutputCaptureExtension.class)
class SessionResumptionAcrossInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String REQUEST = "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    private static final String TICKET_ARRIVED = "Post-Handshake New Session Ticket arrived";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path pkiDir;

    @TempDir
    Path keysDir;

    @TempDir
    Path staging;

    private TestPki pki;
    private TestPki.Leaf server;
    private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

    @BeforeEach
    void pki() {
        pki = new TestPki(pkiDir);
        pki.caFile();
        server = pki.leaf("server", "localhost");
    }

    @AfterEach
    void stop() {
        applications.forEach(ConfigurableApplicationContext::close);
    }

    private ConfigurableApplicationContext start(String... properties) {
        ConfigurableApplicationContext application = new SpringApplicationBuilder(HelloApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "logging.level.root=warn", "siotls.reload-quiet-period=200ms")
                .properties(TestApplications.serverKeyProperties(server))
                .properties(properties).run();
        applications.add(application);
        return application;
    }

    /**
     * Runs s_client against {@code application}: a GET answered, then its input closed and its
     * exit waited for, so that it has read the tickets (sent before the answer) and written
     * {@code -sess_out}.
     */
    private String openSsl(ConfigurableApplicationContext application, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("-CAfile", pkiDir.resolve("ca.pem").toString(),
                "-servername", "localhost"));
        all.addAll(List.of(arguments));
        try (ExternalProcess client = OpenSslClient.start(TestApplications.port(application), all.toArray(String[]::new))) {
            client.write(REQUEST);
            client.awaitOutput(out -> out.contains("\nhello"), WAIT);
            client.stdin().close();
            client.awaitExit(WAIT);
            return client.output();
        }
    }

    private String saveSession(ConfigurableApplicationContext application, Path session) throws Exception {
        return openSsl(application, "-sess_out", session.toString());
    }

    private String resume(ConfigurableApplicationContext application, Path session) throws Exception {
        return openSsl(application, "-sess_in", session.toString());
    }

    private static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Writes the key file in staging and moves it into place at once, as deployment tools do. */
    private Path writeKeys(String... keys) throws IOException {
        Path staged = Files.writeString(staging.resolve("ticket.key"), String.join("\n", keys) + "\n");
        return Files.move(staged, keysDir.resolve("ticket.key"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private static Supplier<TLSConfiguration> current(ConfigurableApplicationContext application) {
        SiotlsSSLContext context = application.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SiotlsSSLContext.class);
        return () -> context.configuration(Side.SERVER);
    }

    /** Waits until {@code application} serves new connections with a configuration other than {@code before}. */
    private static void awaitReload(ConfigurableApplicationContext application, TLSConfiguration before) {
        Supplier<TLSConfiguration> current = current(application);
        await().atMost(WAIT).until(() -> current.get() != before);
    }

    @Test
    void aSessionOfOneInstanceResumesOnTheOtherSharingTheKeyFile() throws Exception {
        String keyFile = "siotls.server.session-tickets.key-file=" + writeKeys(newKey()).toUri();
        ConfigurableApplicationContext a = start(keyFile);
        ConfigurableApplicationContext b = start(keyFile);
        Path session = staging.resolve("session.pem");

        String first = saveSession(a, session);
        String second = resume(b, session);

        assertThat(first).contains("New, TLSv1.3").contains(TICKET_ARRIVED);
        assertThat(second).contains("Reused, TLSv1.3");
    }

    @Test
    void afterARotationOldTicketsResumeUntilTheOldKeyIsRemoved() throws Exception {
        String old = newKey();
        String next = newKey();
        String keyFile = "siotls.server.session-tickets.key-file=" + writeKeys(old).toUri();
        ConfigurableApplicationContext a = start(keyFile, "siotls.server.reload-on-update=true");
        ConfigurableApplicationContext b = start(keyFile, "siotls.server.reload-on-update=true");
        Path oldSession = staging.resolve("old.pem");
        Path newSession = staging.resolve("new.pem");
        saveSession(a, oldSession);

        TLSConfiguration aBefore = current(a).get();
        TLSConfiguration bBefore = current(b).get();
        writeKeys(next, old);
        awaitReload(a, aBefore);
        awaitReload(b, bBefore);
        assertThat(resume(b, oldSession)).as("sealed by the old key, kept second").contains("Reused, TLSv1.3");
        saveSession(b, newSession);

        aBefore = current(a).get();
        bBefore = current(b).get();
        writeKeys(next);
        awaitReload(a, aBefore);
        awaitReload(b, bBefore);
        assertThat(resume(a, oldSession)).as("the old key removed").contains("New, TLSv1.3");
        assertThat(resume(a, newSession)).as("sealed by the new key").contains("Reused, TLSv1.3");
    }

    @Test
    void aBrokenKeyFileIsRefusedOnReloadNamingThePropertyAndTheKeysBeforeItStay(CapturedOutput output) throws Exception {
        String keyFile = "siotls.server.session-tickets.key-file=" + writeKeys(newKey()).toUri();
        ConfigurableApplicationContext application = start(keyFile, "siotls.server.reload-on-update=true");
        Path session = staging.resolve("session.pem");
        saveSession(application, session);
        TLSConfiguration before = current(application).get();

        writeKeys(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        await().atMost(WAIT).untilAsserted(() -> assertThat(output.getAll())
                .contains("the changed key or trust material cannot be used, the previous one stays")
                .contains("siotls.server.session-tickets.key-file").contains("line 1 holds 8 bytes"));

        assertThat(current(application).get()).isSameAs(before);
        assertThat(resume(application, session)).contains("Reused, TLSv1.3");
    }

    @Test
    void aReloadedCertificateKeepsTheRandomKeysAndTheirTicketsResume() throws Exception {
        ConfigurableApplicationContext application = start("siotls.server.reload-on-update=true");
        Path session = staging.resolve("session.pem");
        saveSession(application, session);
        TLSConfiguration before = current(application).get();

        TestPki.Leaf renewed = pki.leafIn(staging, "server", "localhost");
        Files.move(Files.copy(renewed.chainFile(), pkiDir.resolve("server.pem.new")), pkiDir.resolve("server.pem"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(Files.copy(renewed.keyFile(), pkiDir.resolve("server-key.pem.new")), pkiDir.resolve("server-key.pem"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        awaitReload(application, before);

        TLSConfiguration after = current(application).get();
        assertThat(after.certificateChain().get(0)).isEqualTo(renewed.certificate());
        assertThat(after.sessionTicketKeys()).isSameAs(before.sessionTicketKeys());
        assertThat(resume(application, session)).contains("Reused, TLSv1.3");
    }

    @Test
    void disabledTicketsAreNeverSentSoNothingResumes() throws Exception {
        ConfigurableApplicationContext application = start("siotls.server.session-tickets.enabled=false");
        Path session = staging.resolve("session.pem");

        String output = saveSession(application, session);

        assertThat(output).contains("New, TLSv1.3").doesNotContain(TICKET_ARRIVED);
        assertThat(session).as("s_client saves a TLS 1.3 session only when a ticket arrives").doesNotExist();
    }
}
