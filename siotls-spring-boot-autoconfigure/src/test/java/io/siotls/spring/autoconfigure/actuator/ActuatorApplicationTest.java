package io.siotls.spring.autoconfigure.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.testing.Curl;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * A Tomcat application with Actuator, its endpoints read over HTTPS by the auto-configured
 * RestClient: the siotls health and info, Boot's own SSL info fed by the siotls SSL bundles, and
 * the handshake metrics counting both sides' handshakes, successful and failed.
 */
class ActuatorApplicationTest {

    @TempDir
    static Path pkiDir;

    private static ConfigurableApplicationContext application;
    private static RestClient rest;
    private static String ticketKey;

    @BeforeAll
    static void start() throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ticketKey = Base64.getEncoder().encodeToString(key);
        Path ticketKeyFile = Files.writeString(pkiDir.resolve("ticket.key"), ticketKey + "\n");
        TestPki pki = new TestPki(pkiDir);
        pki.caFile();
        TestPki.Leaf server = pki.leaf("server", "localhost");
        TestPki.Leaf client = pki.leaf("client", "client.example");
        application = new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET).properties(
                "server.port=0",
                "siotls.server.certificate-chain=" + TestPki.location(server.chainFile()),
                "siotls.server.private-key=" + TestPki.location(server.keyFile()),
                "siotls.server.truststore=" + TestPki.location(pkiDir.resolve("ca.pem")),
                "siotls.client.truststore=" + TestPki.location(pkiDir.resolve("ca.pem")),
                "siotls.client.certificate-chain=" + TestPki.location(client.chainFile()),
                "siotls.client.private-key=" + TestPki.location(client.keyFile()),
                "siotls.server.session-tickets.key-file=" + TestPki.location(ticketKeyFile),
                "management.endpoints.web.exposure.include=health,info",
                "management.endpoint.health.show-details=always", "management.info.ssl.enabled=true",
                // the Redis and RabbitMQ clients the starter supports are on this class path, with no server
                "management.health.redis.enabled=false", "management.health.rabbit.enabled=false").run();
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        rest = application.getBean(RestClient.Builder.class).baseUrl("https://localhost:" + port).build();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void healthShowsEachSidesCertificatesAndWarnsOfTheirNearExpiry() {
        String health = rest.get().uri("/actuator/health").retrieve().body(String.class);
        assertThat((String) JsonPath.read(health, "$.components.siotls.status")).isEqualTo("UP");
        List<String> subjects = JsonPath.read(health, "$.components.siotls.details.server.chains[0][*].subject");
        assertThat(subjects).containsExactly("CN=localhost", "CN=siotls test CA");
        assertThat((String) JsonPath.read(health, "$.components.siotls.details.client.chains[0][0].subject"))
                .isEqualTo("CN=client.example");
        assertThat((String) JsonPath.read(health, "$.components.siotls.details.server.chains[0][0].status"))
                .as("the test certificates are valid for a day, within the 14-day warning")
                .isEqualTo("WILL_EXPIRE_SOON");
        assertThat((List<String>) JsonPath.read(health, "$.components.siotls.details.expiringSoon"))
                .contains("CN=localhost", "CN=client.example");
    }

    @Test
    void infoDescribesEachSideWithoutKeyMaterial() {
        String info = rest.get().uri("/actuator/info").retrieve().body(String.class);
        assertThat((String) JsonPath.read(info, "$.siotls.implementation")).isEqualTo("siotls");
        assertThat((String) JsonPath.read(info, "$.siotls.server.clientAuthentication")).isEqualTo("required");
        assertThat((List<String>) JsonPath.read(info, "$.siotls.server.cipherSuites")).contains("TLS_AES_128_GCM_SHA256");
        assertThat((List<String>) JsonPath.read(info, "$.siotls.server.keyExchanges"))
                .containsExactly("X25519MLKEM768", "x25519", "secp256r1");
        assertThat((String) JsonPath.read(info, "$.siotls.server.credential.certificateChains[0].subject"))
                .isEqualTo("CN=localhost");
        assertThat((String) JsonPath.read(info, "$.siotls.client.peerVerification")).isEqualTo("1 trust anchors");
        assertThat((String) JsonPath.read(info, "$.siotls.server.sessionTickets.keySource")).isEqualTo("file");
        assertThat((Integer) JsonPath.read(info, "$.siotls.server.sessionTickets.count")).isEqualTo(2);
        assertThat((String) JsonPath.read(info, "$.siotls.server.sessionTickets.lifetime")).isEqualTo("PT2H");
        assertThat((String) JsonPath.read(info, "$.siotls.server.sessionTickets.keyFile")).contains("ticket.key");
        assertThat(Duration.parse(JsonPath.read(info, "$.siotls.server.sessionTickets.currentKeyAge")))
                .isBetween(Duration.ZERO, Duration.ofHours(1));
        assertThat(info).doesNotContain("PRIVATE").doesNotContain("privateKey").doesNotContain(ticketKey)
                .doesNotContain(ticketKey.substring(0, 16));
    }

    @Test
    void bootsOwnSslInfoShowsTheSiotlsBundles() {
        String info = rest.get().uri("/actuator/info").retrieve().body(String.class);
        List<Map<String, Object>> bundles = JsonPath.read(info, "$.ssl.bundles[*]");
        assertThat(bundles).extracting(bundle -> bundle.get("name"))
                .contains(SiotlsSslBundleAutoConfiguration.SERVER_BUNDLE, SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE);
        List<String> serverSubjects = JsonPath.read(info,
                "$.ssl.bundles[?(@.name == 'siotls-server')].certificateChains[*].certificates[0].subject");
        assertThat(serverSubjects).contains("CN=localhost");
        List<String> serverAliases = JsonPath.read(info,
                "$.ssl.bundles[?(@.name == 'siotls-server')].certificateChains[*].alias");
        List<String> clientAliases = JsonPath.read(info,
                "$.ssl.bundles[?(@.name == 'siotls-client')].certificateChains[*].alias");
        assertThat(serverAliases).as("the server chain's alias").containsExactly("siotls-server");
        assertThat(clientAliases).as("the client chain's alias").containsExactly("siotls-client");
        SslBundle bundle = application.getBean(SslBundles.class).getBundle(SiotlsSslBundleAutoConfiguration.SERVER_BUNDLE);
        assertThat(bundle.createSslContext()).isSameAs(application.getBean("siotlsServerSslContext"));
        assertThat(bundle.getStores().getKeyStore()).isNotNull();
    }

    @Test
    void handshakesAreCountedBySideOutcomeSuiteGroupAndResumption() throws Exception {
        MeterRegistry registry = application.getBean(MeterRegistry.class);
        double before = count(registry, "server", "success");
        double failedBefore = count(registry, "server", "failure");
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        // a client of its own: the shared one may reuse the connection of an earlier test, with no handshake
        RestClient fresh = application.getBean(RestClient.Builder.class).baseUrl("https://localhost:" + port).build();
        fresh.get().uri("/actuator/health").retrieve().body(String.class);
        // another connection on the same SSLContext resumes the session of the one before (RFC 8446 §2.2)
        RestClient again = application.getBean(RestClient.Builder.class).baseUrl("https://localhost:" + port).build();
        again.get().uri("/actuator/health").retrieve().body(String.class);
        Curl.Result refused = Curl.run("--cacert", pkiDir.resolve("ca.pem").toString(), "https://localhost:" + port + "/");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(count(registry, "server", "success")).isEqualTo(before + 2);
        assertThat(count(registry, "server", "failure")).isEqualTo(failedBefore + 1);
        assertThat(registry.get(SiotlsHandshakeMetrics.HANDSHAKES).tags("side", "client", "outcome", "success")
                .counters()).isNotEmpty().allSatisfy(counter -> {
                    assertThat(counter.getId().getTag("cipher.suite")).startsWith("TLS_");
                    assertThat(counter.getId().getTag("group")).as("both sides' default groups")
                            .isEqualTo("X25519MLKEM768");
                });
        assertThat(registry.get(SiotlsHandshakeMetrics.HANDSHAKES).tags("side", "client", "outcome", "success",
                "resumed", "true").counters()).isNotEmpty();
        assertThat(registry.get(SiotlsHandshakeMetrics.HANDSHAKES).tags("side", "server", "outcome", "success",
                "resumed", "true").counters()).isNotEmpty();
        assertThat(registry.get(SiotlsHandshakeMetrics.HANDSHAKES).tags("side", "server", "outcome", "failure")
                .counter().getId().getTag("group")).isEqualTo("none");
        assertThat(registry.get(SiotlsHandshakeMetrics.HANDSHAKES).tags("side", "server", "outcome", "failure")
                .counter().getId().getTag("resumed")).isEqualTo("false");
        assertThat(registry.get(SiotlsHandshakeMetrics.DURATION).tags("side", "server", "outcome", "success").timer()
                .count()).isPositive();
    }

    private static double count(MeterRegistry registry, String side, String outcome) {
        return registry.find(SiotlsHandshakeMetrics.HANDSHAKES).tags("side", side, "outcome", outcome).counters()
                .stream().mapToDouble(counter -> counter.count()).sum();
    }

    /** The application under test: Boot's auto-configuration with Actuator. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }
}
