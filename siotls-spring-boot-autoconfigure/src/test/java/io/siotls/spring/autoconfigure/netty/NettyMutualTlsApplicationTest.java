package io.siotls.spring.autoconfigure.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.siotls.Side;
import io.siotls.iana.NamedGroup;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.MutualTlsPki;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.TestApplications;
import io.siotls.testing.Curl;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * A WebFlux application on Reactor Netty whose mutual TLS is configured only in
 * {@code application-mtls.yml}, called by the auto-configured {@code WebClient.Builder} and by
 * curl: our engine serves the server side and runs the WebClient's side (listeners on both
 * contexts count the handshakes), clients without a certificate are refused, HTTP/2 is
 * negotiated by ALPN, and a client that never speaks is dropped after the handshake timeout.
 */
class NettyMutualTlsApplicationTest {

    @TempDir
    static Path pkiDir;

    /** Another CA, whose client certificates the server must refuse. */
    @TempDir
    static Path strangerDir;

    private static MutualTlsPki mtls;
    private static TestPki.Leaf client;
    private static ConfigurableApplicationContext application;
    private static List<HandshakeEvent> serverHandshakes;
    private static List<HandshakeEvent> clientHandshakes;
    private static int port;

    @BeforeAll
    static void start() {
        mtls = MutualTlsPki.write(pkiDir, strangerDir);
        client = mtls.client();
        application = new SpringApplicationBuilder(WebFluxApplication.class).web(WebApplicationType.REACTIVE)
                .profiles("mtls").properties(mtls.dirProperty(), "siotls.server.handshake-timeout=700ms",
                        "spring.autoconfigure.exclude=" + TestApplications.TOMCAT_REACTIVE)
                .run();
        serverHandshakes = HandshakeRecorder.attach(application, SiotlsAutoConfiguration.SERVER_SSL_CONTEXT).events();
        clientHandshakes = HandshakeRecorder.attach(application, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT).events();
        port = TestApplications.port(application);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @BeforeEach
    void forgetHandshakes() {
        serverHandshakes.clear();
        clientHandshakes.clear();
    }

    @Test
    void theAutoConfiguredWebClientGetsThroughWithItsCertificate() {
        WebClient web = application.getBean(WebClient.Builder.class).baseUrl("https://localhost:" + port).build();
        String body = web.get().uri("/hello").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20));
        assertThat(body).isEqualTo("hello CN=client.example");
        assertThat(serverHandshakes).singleElement().satisfies(event -> {
            assertThat(event.side()).isEqualTo(Side.SERVER);
            assertThat(event.negotiated().peerCertificateChain().get(0)).isEqualTo(client.certificate());
            assertThat(event.negotiated().keyExchange()).as("both sides' default groups")
                    .isEqualTo(NamedGroup.X25519MLKEM768);
        });
        assertThat(clientHandshakes).singleElement().satisfies(event -> {
            assertThat(event.side()).isEqualTo(Side.CLIENT);
            assertThat(event.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=localhost");
        });
    }

    @Test
    void theWebClientRefusesAServerCertificateForAnotherHost() {
        WebClient web = application.getBean(WebClient.Builder.class).baseUrl("https://127.0.0.1:" + port).build();
        assertThatThrownBy(() -> web.get().uri("/hello").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20)))
                .isInstanceOf(WebClientRequestException.class);
        assertThat(clientHandshakes).singleElement().satisfies(event ->
                assertThat(event.failure()).hasMessageContaining("does not match the host '127.0.0.1'"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(serverHandshakes).singleElement()
                .satisfies(event -> assertThat(event.failure()).hasMessageContaining("bad_certificate")));
    }

    @Test
    void curlWithTheClientCertificateSpeaksHttp2() throws Exception {
        Curl.Result result = mtls.curlWithClientCertificate("--http2", "https://localhost:" + port + "/hello");
        assertThat(result.exitCode()).as(result.verbose()).isZero();
        assertThat(result.body()).isEqualTo("hello CN=client.example");
        assertThat(result.verbose()).contains("SSL connection using TLSv1.3").contains("ALPN: server accepted h2")
                .contains("using HTTP/2");
        assertThat(serverHandshakes).singleElement().satisfies(event ->
                assertThat(event.negotiated().alpn()).isEqualTo("h2"));
    }

    @Test
    void curlWithoutACertificateIsRefused() throws Exception {
        Curl.Result result = mtls.curlWithoutCertificate("https://localhost:" + port + "/hello");
        assertThat(result.exitCode()).as(result.verbose()).isNotZero();
        assertThat(result.refused("certificate required")).as(result.verbose()).isTrue();
        assertThat(serverHandshakes).singleElement().satisfies(event ->
                assertThat(event.failure()).hasMessageContaining("certificate_required"));
    }

    @Test
    void curlWithACertificateOfAnotherCaIsRefused() throws Exception {
        Curl.Result result = mtls.curlWithStrangerCertificate("https://localhost:" + port + "/hello");
        assertThat(result.exitCode()).as(result.verbose()).isNotZero();
        assertThat(result.body()).isEmpty();
        assertThat(result.refused("alert bad certificate")).as(result.verbose()).isTrue();
        assertThat(serverHandshakes).singleElement().satisfies(event ->
                assertThat(event.failure()).hasMessageContaining("bad_certificate"));
    }

    @Test
    void sniChoosesTheSecondChain() throws Exception {
        Curl.Result result = mtls.curlApiLocalhostWithClientCertificate(port);
        assertThat(result.exitCode()).as(result.verbose()).isZero();
        assertThat(result.verbose()).contains("subject: CN=api.localhost");
    }

    @Test
    void aClientThatNeverSpeaksIsDroppedAfterTheHandshakeTimeout() throws IOException {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
            silent.setSoTimeout(5_000);
            long start = System.nanoTime();
            int read;
            try {
                read = silent.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(read).isEqualTo(-1);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    /** The application under test: Boot's auto-configuration and one controller. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(HelloController.class)
    static class WebFluxApplication {
    }

    /** Answers with the client certificate's subject. */
    @RestController
    static class HelloController {

        @GetMapping("/hello")
        String hello(ServerHttpRequest request) {
            SslInfo ssl = request.getSslInfo();
            X509Certificate[] chain = ssl == null ? null : ssl.getPeerCertificates();
            return "hello " + (chain == null || chain.length == 0 ? "anonymous" : chain[0].getSubjectX500Principal().getName());
        }
    }
}
