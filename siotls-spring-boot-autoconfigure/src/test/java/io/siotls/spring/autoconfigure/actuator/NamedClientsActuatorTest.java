package io.siotls.spring.autoconfigure.actuator;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsNamedClients;
import io.siotls.spring.autoconfigure.SiotlsSides;
import io.siotls.testing.TestPki;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Actuator per named client: its certificates in the siotls health (expiring soon within the
 * warning, DOWN once one has expired), its
 * configuration and bundle in the info, and its handshakes in {@code siotls.handshakes} tagged
 * with its bundle.
 */
class NamedClientsActuatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsActuatorAutoConfiguration.class));

    @TempDir
    Path directory;

    private TestPki pki;
    private String[] properties;

    @BeforeEach
    void makePki() {
        pki = new TestPki(directory);
        TestPki.Leaf server = pki.leaf("server", "localhost");
        TestPki.Leaf payments = pki.leaf("payments", "payments.client");
        properties = new String[] {"siotls.server.certificate-chain=" + location(server.chainFile()),
            "siotls.server.private-key=" + location(server.keyFile()),
            "siotls.server.truststore=" + location(pki.caFile()), "siotls.server.client-auth=need",
            "siotls.client.truststore=" + location(pki.caFile()),
            "siotls.clients.payments.certificate-chain=" + location(payments.chainFile()),
            "siotls.clients.payments.private-key=" + location(payments.keyFile())};
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthShowsEachNamedClientsCertificates() {
        runner.withPropertyValues(properties).run(context -> {
            Health now = context.getBean(SiotlsHealthIndicator.class).health();
            assertThat(now.getStatus()).isEqualTo(Status.UP);
            Map<String, Object> clients = (Map<String, Object>) now.getDetails().get("clients");
            List<List<Map<String, Object>>> chains = (List<List<Map<String, Object>>>) ((Map<String, Object>) clients
                    .get("payments")).get("chains");
            assertThat(chains.get(0).get(0)).containsEntry("subject", "CN=payments.client");
            assertThat(chains.get(0).get(0).get("status")).hasToString("WILL_EXPIRE_SOON");
            assertThat((List<String>) now.getDetails().get("expiringSoon")).contains("CN=payments.client");
            Clock afterExpiry = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
            Health later = new SiotlsHealthIndicator(new SiotlsSides(context), Duration.ofDays(1), afterExpiry).health();
            assertThat(later.getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoDescribesEachNamedClientWithItsBundle() {
        runner.withPropertyValues(properties).withPropertyValues("siotls.clients.payments.alpn=h2").run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean(SiotlsInfoContributor.class).contribute(builder);
            Map<String, Object> siotls = (Map<String, Object>) builder.build().getDetails().get("siotls");
            Map<String, Object> payments = (Map<String, Object>) ((Map<String, Object>) siotls.get("clients")).get("payments");
            assertThat(payments).containsEntry("bundle", "siotls-payments").containsEntry("alpn", List.of("h2"))
                    .containsEntry("protocol", "TLSv1.3");
            assertThat(payments.get("credential").toString()).contains("CN=payments.client");
            assertThat(((Map<String, Object>) siotls.get("client")).get("alpn")).isEqualTo(List.of());
        });
    }

    @Test
    void handshakesAreCountedWithTheNamedClientsBundle() {
        runner.withPropertyValues(properties).run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new SiotlsHandshakeMetrics(new SiotlsSides(context)).bindTo(registry);
            SSLContext server = context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
            handshake(server, context.getBean(SiotlsNamedClients.class).get("payments").context());
            assertThat(registry.find(SiotlsHandshakeMetrics.HANDSHAKES)
                    .tags("side", "client", "bundle", "siotls-payments", "outcome", "success").counter().count())
                    .isEqualTo(1);
            assertThat(registry.find(SiotlsHandshakeMetrics.HANDSHAKES)
                    .tags("side", "server", "bundle", "siotls-server", "outcome", "success").counter().count())
                    .isEqualTo(1);
            assertThat(registry.find(SiotlsHandshakeMetrics.HANDSHAKES).tags("bundle", "siotls-client").counters())
                    .isEmpty();
        });
    }

    private static void handshake(SSLContext server, SSLContext client) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> accepted = executor.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(10_000);
                    socket.startHandshake();
                    socket.getOutputStream().write(1);
                }
                return null;
            });
            Socket plain = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(plain, "localhost",
                    listener.getLocalPort(), true)) {
                socket.setSoTimeout(10_000);
                assertThat(socket.getInputStream().read()).isEqualTo(1);
            }
            accepted.get(10, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }
}
