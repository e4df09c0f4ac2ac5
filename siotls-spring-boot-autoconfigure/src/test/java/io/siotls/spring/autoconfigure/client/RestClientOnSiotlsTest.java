package io.siotls.spring.autoconfigure.client;

import static io.siotls.spring.autoconfigure.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsPropertyException;
import io.siotls.spring.autoconfigure.TestPki;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The auto-configured {@code RestClient.Builder} and {@code RestTemplateBuilder} make their TLS
 * connections on siotls whichever request factory Boot uses, against the JDK's own HTTPS server
 * (SunJSSE) requiring a client certificate; only {@code siotls.client.*} properties configure it.
 */
class RestClientOnSiotlsTest {

    @TempDir
    static Path pkiDir;

    @TempDir
    static Path otherDir;

    private static TestPki pki;
    private static TestPki.Leaf client;
    private static SunJsseHttpsServer server;
    private static SunJsseHttpsServer wrongHost;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    SiotlsHttpClientsAutoConfiguration.class, HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
                    RestTemplateAutoConfiguration.class))
            .withPropertyValues("siotls.client.truststore=" + location(pkiDir.resolve("ca.pem")),
                    "siotls.client.certificate-chain=" + location(pkiDir.resolve("client.pem")),
                    "siotls.client.private-key=" + location(pkiDir.resolve("client-key.pem")));

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(pkiDir);
        Path ca = pki.caFile();
        client = pki.leaf("client", "client.example");
        server = new SunJsseHttpsServer(pki.leaf("server", "localhost"), ca);
        wrongHost = new SunJsseHttpsServer(pki.leaf("elsewhere", "elsewhere.example"), ca);
    }

    @AfterAll
    static void stop() {
        server.close();
        wrongHost.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "reactor", "http-components", "jetty"})
    void eachRequestFactoryMakesItsConnectionsOnSiotls(String factory) {
        runner.withPropertyValues("spring.http.clients.imperative.factory=" + factory).run(context -> {
            List<HandshakeEvent> handshakes = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
            RestClient rest = context.getBean(RestClient.Builder.class).baseUrl("https://localhost:" + server.port()).build();
            String body = rest.get().uri("/").retrieve().body(String.class);
            assertThat(body).startsWith("hello CN=client.example TLSv1.3 TLS_");
            assertThat(handshakes).isNotEmpty().allSatisfy(event -> {
                assertThat(event.succeeded()).isTrue();
                assertThat(body).endsWith(event.negotiated().cipherSuite().ianaName());
            });
        });
    }

    @Test
    void restTemplateBuilderMakesItsConnectionsOnSiotls() {
        runner.run(context -> {
            List<HandshakeEvent> handshakes = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
            String body = context.getBean(RestTemplateBuilder.class).build()
                    .getForObject("https://localhost:" + server.port() + "/", String.class);
            assertThat(body).startsWith("hello CN=client.example TLSv1.3");
            assertThat(handshakes).isNotEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "reactor", "http-components", "jetty"})
    void aServerWhoseCertificateNamesAnotherHostIsRefused(String factory) {
        runner.withPropertyValues("spring.http.clients.imperative.factory=" + factory).run(context -> {
            List<HandshakeEvent> handshakes = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
            RestClient rest = context.getBean(RestClient.Builder.class).build();
            assertThatThrownBy(() -> rest.get().uri("https://localhost:" + wrongHost.port() + "/").retrieve()
                    .body(String.class)).isInstanceOf(ResourceAccessException.class);
            assertThat(handshakes).isNotEmpty().allSatisfy(event ->
                    assertThat(event.failure()).hasMessageContaining("does not match the host 'localhost'"));
        });
    }

    @Test
    void aServerFromAnotherCaIsRefused() throws Exception {
        TestPki other = new TestPki(otherDir);
        other.caFile();
        try (SunJsseHttpsServer stranger = new SunJsseHttpsServer(other.leaf("server", "localhost"), pkiDir.resolve("ca.pem"))) {
            runner.run(context -> {
                List<HandshakeEvent> handshakes = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
                RestClient rest = context.getBean(RestClient.Builder.class).build();
                assertThatThrownBy(() -> rest.get().uri("https://localhost:" + stranger.port() + "/").retrieve()
                        .body(String.class)).isInstanceOf(ResourceAccessException.class);
                assertThat(handshakes).isNotEmpty().allSatisfy(event -> assertThat(event.succeeded()).isFalse());
            });
        }
    }

    @Test
    void theJsseImplementationRunsOnSunJsse() {
        runner.withPropertyValues("siotls.implementation=jsse", "spring.http.clients.imperative.factory=jdk").run(context -> {
            assertThat(context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class))
                    .isNotInstanceOf(SiotlsSSLContext.class);
            assertThat(context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class).getProvider().getName())
                    .isEqualTo("SunJSSE");
            String body = context.getBean(RestClient.Builder.class).build().get()
                    .uri("https://localhost:" + server.port() + "/").retrieve().body(String.class);
            assertThat(body).startsWith("hello CN=client.example TLSv1.3");
        });
    }

    @Test
    void theSimpleFactoryIsRefusedAtStartupRatherThanSilentlyOnTheJdksTls() {
        runner.withPropertyValues("spring.http.clients.imperative.factory=simple").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(SiotlsPropertyException.class)
                    .hasMessageContaining("spring.http.clients.imperative.factory: is simple (HttpURLConnection)");
        });
    }
}
