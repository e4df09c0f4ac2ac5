package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.spring.autoconfigure.TestApplications;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.Curl;
import io.siotls.testing.PeerCommand;
import io.siotls.iana.CertificateType;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.HelloApplication;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Embedded Tomcat beyond the mutual TLS application: reactive Tomcat (WebFlux), HTTP/1.1 when
 * HTTP/2 is off, a raw public key (RFC 7250) served to GnuTLS and pinned by a RestClient, and
 * {@code siotls.implementation=jsse} serving the same properties on SunJSSE.
 */
class TomcatVariantsApplicationTest {

    @TempDir
    static Path pkiDir;

    private static TestPki pki;
    private static TestPki.Leaf server;

    @BeforeAll
    static void makePki() {
        pki = new TestPki(pkiDir);
        pki.caFile();
        server = pki.leaf("server", "localhost");
    }

    private static String[] serverChain() {
        return new String[] {"server.port=0", "siotls.server.certificate-chain=" + TestPki.location(server.chainFile()),
                "siotls.server.private-key=" + TestPki.location(server.keyFile())};
    }

    @Test
    void reactiveTomcatServesHttp11WhenHttp2IsOffWithTheConfiguredSuite() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelloApplication.class)
                .web(WebApplicationType.REACTIVE).properties(serverChain())
                .properties("spring.autoconfigure.exclude=" + TestApplications.NETTY_REACTIVE,
                        "siotls.server.cipher-suites=TLS_CHACHA20_POLY1305_SHA256").run()) {
            List<HandshakeEvent> handshakes = HandshakeRecorder.attach(app, SiotlsAutoConfiguration.SERVER_SSL_CONTEXT).events();
            int port = port(app);
            assertThat(((WebServerApplicationContext) app).getWebServer().getClass().getSimpleName()).isEqualTo("TomcatWebServer");
            Curl.Result result = Curl.run("--cacert", pkiDir.resolve("ca.pem").toString(), "https://localhost:" + port + "/hello");
            assertThat(result.exitCode()).as(result.verbose()).isZero();
            assertThat(result.body()).isEqualTo("hello");
            assertThat(result.verbose()).contains("SSL connection using TLSv1.3 / TLS_CHACHA20_POLY1305_SHA256")
                    .contains("ALPN: server did not agree on a protocol").contains("< HTTP/1.1 200");
            assertThat(handshakes).singleElement().satisfies(event -> assertThat(event.succeeded()).isTrue());
        }
    }

    @Test
    void aRawPublicKeyIsServedToGnutlsAndPinnedByARestClient() throws Exception {
        TestPki.Leaf keys = pki.rawKeys("rpk");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelloApplication.class)
                .web(WebApplicationType.SERVLET).properties("server.port=0",
                        "siotls.server.public-key=" + TestPki.location(keys.publicKeyFile()),
                        "siotls.server.private-key=" + TestPki.location(keys.keyFile()),
                        "siotls.client.trusted-public-keys=" + TestPki.location(keys.publicKeyFile())).run()) {
            List<HandshakeEvent> handshakes = HandshakeRecorder.attach(app, SiotlsAutoConfiguration.SERVER_SSL_CONTEXT).events();
            int port = port(app);
            String response = gnutlsGet(port);
            assertThat(response).startsWith("HTTP/1.1 200").contains("\r\n\r\nhello");
            assertThat(handshakes).singleElement().satisfies(event ->
                    assertThat(event.negotiated().serverCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY));
            RestClient rest = app.getBean(RestClient.Builder.class).baseUrl("https://localhost:" + port).build();
            assertThat(rest.get().uri("/hello").retrieve().body(String.class)).isEqualTo("hello");
        }
    }

    @Test
    void theJsseImplementationServesTheSamePropertiesOnSunJsse() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelloApplication.class)
                .web(WebApplicationType.SERVLET).properties(serverChain())
                .properties("siotls.implementation=jsse", "server.http2.enabled=true").run()) {
            SSLContext context = app.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
            assertThat(context).isNotInstanceOf(SiotlsSSLContext.class);
            assertThat(context.getProvider().getName()).isEqualTo("SunJSSE");
            Curl.Result result = Curl.run("--http2", "--cacert", pkiDir.resolve("ca.pem").toString(),
                    "https://localhost:" + port(app) + "/hello");
            assertThat(result.exitCode()).as(result.verbose()).isZero();
            assertThat(result.body()).isEqualTo("hello");
            assertThat(result.verbose()).contains("SSL connection using TLSv1.3").contains("ALPN: server accepted h2");
        }
    }

    /** GET /hello through gnutls-cli, raw public keys only; it cannot verify a raw key, hence --insecure. */
    private static String gnutlsGet(int port) throws IOException, InterruptedException {
        PeerCommand.require("gnutls-cli");
        Process process = new ProcessBuilder("gnutls-cli", "--port", Integer.toString(port), "--insecure",
                "--priority", "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CTYPE-ALL:+CTYPE-SRV-RAWPK:+CTYPE-CLI-RAWPK",
                "localhost").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream(); InputStream out = process.getInputStream()) {
            in.write("GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            byte[] buffer = new byte[4096];
            while (!received.toString(StandardCharsets.US_ASCII).contains("\r\n\r\nhello") && System.nanoTime() < deadline) {
                int n = out.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
            String text = received.toString(StandardCharsets.US_ASCII);
            int status = text.indexOf("HTTP/1.1");
            return status < 0 ? text : text.substring(status);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return TestApplications.port(app);
    }
}
