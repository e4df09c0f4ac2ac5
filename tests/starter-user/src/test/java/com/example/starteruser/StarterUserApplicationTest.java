package com.example.starteruser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application as its user runs it: application.yml's siotls.server.* serve mutual TLS, which
 * the JDK's own TLS client (SunJSSE, named explicitly) gets through with its certificate, over TLS
 * 1.3 and HTTP/2, and is refused without one. The siotls server context's handshake listener and
 * its refusal log show that the handshakes ran on siotls, not on the JDK's TLS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.siotls.spring.autoconfigure.SiotlsHandshakeFailureLog=debug")
@ExtendWith(OutputCaptureExtension.class)
class StarterUserApplicationTest {

    @TempDir
    static Path tls;

    @DynamicPropertySource
    static void certificates(DynamicPropertyRegistry registry) throws Exception {
        TestCertificates.make(tls);
        registry.add("tls-directory", tls::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("siotlsServerSslContext")
    SSLContext serverContext;

    private final List<HandshakeEvent> handshakes = new CopyOnWriteArrayList<>();
    private final HandshakeListener recorder = new HandshakeListener() {
        @Override
        public void handshakeCompleted(HandshakeEvent event) {
            handshakes.add(event);
        }

        @Override
        public void handshakeFailed(HandshakeEvent event) {
            handshakes.add(event);
        }
    };

    @BeforeEach
    void recordServedHandshakes() {
        assertThat(serverContext).isInstanceOf(SiotlsSSLContext.class);
        ((SiotlsSSLContext) serverContext).addHandshakeListener(recorder);
    }

    @AfterEach
    void stopRecording() {
        ((SiotlsSSLContext) serverContext).removeHandshakeListener(recorder);
    }

    @Test
    void aClientWithItsCertificateIsServedOverTls13BySiotls() throws Exception {
        HttpResponse<String> response = get(jdkClient(true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello " + TestCertificates.CLIENT_SUBJECT);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        SSLSession session = response.sslSession().orElseThrow();
        assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        assertThat(handshakes).as("the handshakes the siotls server context ran").singleElement().satisfies(served -> {
            assertThat(served.succeeded()).isTrue();
            assertThat(served.negotiated().cipherSuite().ianaName()).isEqualTo(session.getCipherSuite());
            assertThat(served.negotiated().alpn()).isEqualTo("h2");
            assertThat(served.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                    .isEqualTo(TestCertificates.CLIENT_SUBJECT);
        });
    }

    @Test
    void aClientWithoutCertificateIsRefused(CapturedOutput output) throws Exception {
        HttpClient anonymous = jdkClient(false);

        assertThatThrownBy(() -> get(anonymous)).isInstanceOf(IOException.class);
        String refusal = "siotls refused a handshake: side server, peer ";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((handshakes.isEmpty() || !output.getOut().contains(refusal)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(output.getOut()).contains(refusal).contains("alert certificate_required");
        assertThat(handshakes).as("the handshakes the siotls server context ran").isNotEmpty()
                .allSatisfy(served -> assertThat(served.succeeded()).isFalse());
    }

    private HttpResponse<String> get(HttpClient client) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/hello"))
                .timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The JDK HttpClient on the JDK's own TLS (SunJSSE), trusting the server's CA, with or without the client certificate. */
    private static HttpClient jdkClient(boolean withCertificate) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        trust.init(TestCertificates.trustStore(tls.resolve("server-ca.pem")));
        KeyManager[] keys = null;
        if (withCertificate) {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX", "SunJSSE");
            keyManagers.init(TestCertificates.keyStore(tls.resolve("client.pem"), tls.resolve("client-key.pem")),
                    TestCertificates.password());
            keys = keyManagers.getKeyManagers();
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3", "SunJSSE");
        context.init(keys, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
