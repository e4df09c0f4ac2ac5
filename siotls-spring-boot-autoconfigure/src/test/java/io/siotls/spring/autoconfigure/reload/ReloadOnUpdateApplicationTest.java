package io.siotls.spring.autoconfigure.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.siotls.spring.autoconfigure.HelloApplication;
import io.siotls.testing.KeyStoreFile;
import io.siotls.testing.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Tomcat application with {@code siotls.server.reload-on-update}: a certificate replaced on
 * disk is served to new connections while a connection opened before goes on with the old one,
 * and a broken replacement is refused with an error naming the property while the last good
 * certificate stays. The JDK's own TLS client is the peer.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReloadOnUpdateApplicationTest {

    @TempDir
    Path pkiDir;

    @TempDir
    Path staging;

    @Test
    void aReplacedCertificateIsServedToNewConnectionsAndOldOnesGoOn(CapturedOutput output) throws Exception {
        TestPki pki = new TestPki(pkiDir);
        pki.caFile();
        TestPki.Leaf first = pki.leaf("server", "localhost");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelloApplication.class)
                .web(WebApplicationType.SERVLET).properties("server.port=0",
                        "siotls.server.certificate-chain=" + TestPki.location(first.chainFile()),
                        "siotls.server.private-key=" + TestPki.location(first.keyFile()),
                        "siotls.server.reload-on-update=true", "siotls.reload-quiet-period=200ms").run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(app.getBean("siotlsServerReloader")).isInstanceOf(SiotlsReloader.class);
            SSLContext jdk = jdkClientTrusting(pkiDir.resolve("ca.pem"));
            try (SSLSocket before = connect(jdk, port)) {
                assertThat(get(before)).isEqualTo("hello");
                assertThat(peer(before)).isEqualTo(first.certificate());

                TestPki.Leaf second = pki.leafIn(staging, "server", "localhost");
                replace(second.chainFile(), pkiDir.resolve("server.pem"));
                replace(second.keyFile(), pkiDir.resolve("server-key.pem"));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                    try (SSLSocket after = connect(jdk, port)) {
                        assertThat(peer(after)).isEqualTo(second.certificate());
                    }
                });
                assertThat(output).contains("siotls.server: key and trust material reloaded");
                assertThat(get(before)).as("the connection opened before the reload").isEqualTo("hello");
                assertThat(peer(before)).isEqualTo(first.certificate());

                TestPki.Leaf unrelated = pki.leafIn(staging, "other", "localhost");
                replace(unrelated.keyFile(), pkiDir.resolve("server-key.pem"));
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(output)
                        .contains("the changed key or trust material cannot be used, the previous one stays")
                        .contains("siotls.server.private-key"));
                try (SSLSocket later = connect(jdk, port)) {
                    assertThat(peer(later)).isEqualTo(second.certificate());
                    assertThat(get(later)).isEqualTo("hello");
                }
            }
        }
    }

    @Test
    void aReplacedKeyStoreIsServedToNewConnections(CapturedOutput output) throws Exception {
        TestPki pki = new TestPki(pkiDir);
        pki.caFile();
        TestPki.Leaf first = pki.leaf("server", "localhost");
        Path keyStore = KeyStoreFile.pkcs12().key("server", first, pki.root(), "secret")
                .write(pkiDir.resolve("server.p12"), "secret");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HelloApplication.class)
                .web(WebApplicationType.SERVLET).properties("server.port=0",
                        "siotls.server.key-store=" + TestPki.location(keyStore),
                        "siotls.server.key-store-password=secret",
                        "siotls.server.reload-on-update=true", "siotls.reload-quiet-period=200ms").run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SSLContext jdk = jdkClientTrusting(pkiDir.resolve("ca.pem"));
            try (SSLSocket before = connect(jdk, port)) {
                assertThat(peer(before)).isEqualTo(first.certificate());
            }

            TestPki.Leaf second = pki.leafIn(staging, "server", "localhost");
            replace(KeyStoreFile.pkcs12().key("server", second, pki.root(), "secret")
                    .write(staging.resolve("server.p12"), "secret"), keyStore);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                try (SSLSocket after = connect(jdk, port)) {
                    assertThat(peer(after)).isEqualTo(second.certificate());
                }
            });
            assertThat(output).contains("siotls.server: key and trust material reloaded");
        }
    }

    /** Moves a file into place at once, as deployment tools do. */
    private static void replace(Path source, Path target) throws IOException {
        Path temporary = Files.copy(source, target.resolveSibling(target.getFileName() + ".new"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static SSLContext jdkClientTrusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLSv1.3", "SunJSSE");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static SSLSocket connect(SSLContext context, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private static X509Certificate peer(SSLSocket socket) throws IOException {
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }

    /** One keep-alive HTTP/1.1 request for /hello; the body. */
    private static String get(SSLSocket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        int length = -1;
        String line;
        while (!(line = in.readLine()).isEmpty()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            read += in.read(body, read, length - read);
        }
        return new String(body);
    }
}
