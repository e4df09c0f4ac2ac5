package io.siotls.spring.autoconfigure.client;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.SunJsseHttpsServer;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The auto-configured {@code WebClient.Builder} makes its TLS connections on siotls with the
 * connectors Boot offers (Reactor Netty, the JDK's HttpClient, Apache HttpClient 5, Jetty), against the JDK's
 * own HTTPS server requiring a client certificate.
 */
class WebClientOnSiotlsTest {

    @TempDir
    static Path pkiDir;

    private static SunJsseHttpsServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    SiotlsWebClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
                    ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
            .withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s",
                    "siotls.client.truststore=" + location(pkiDir.resolve("ca.pem")),
                    "siotls.client.certificate-chain=" + location(pkiDir.resolve("client.pem")),
                    "siotls.client.private-key=" + location(pkiDir.resolve("client-key.pem")));

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = new TestPki(pkiDir);
        Path ca = pki.caFile();
        pki.leaf("client", "client.example");
        server = new SunJsseHttpsServer(pki.leaf("server", "localhost"), ca);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "jdk", "http-components", "jetty"})
    void eachConnectorMakesItsConnectionsOnSiotls(String connector) {
        runner.withPropertyValues("spring.http.clients.reactive.connector=" + connector).run(context -> {
            List<HandshakeEvent> handshakes = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT).events();
            WebClient web = context.getBean(WebClient.Builder.class).baseUrl("https://localhost:" + server.port()).build();
            String body = web.get().uri("/").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20));
            assertThat(body).isEqualTo("hello CN=client.example");
            SunJsseHttpsServer.Seen seen = server.seen().get(server.seen().size() - 1);
            assertThat(seen.protocol()).isEqualTo("TLSv1.3");
            assertThat(seen.cipherSuite()).startsWith("TLS_");
            assertThat(handshakes).isNotEmpty().allSatisfy(event ->
                    assertThat(event.negotiated().cipherSuite().ianaName()).isEqualTo(seen.cipherSuite()));
        });
    }
}
