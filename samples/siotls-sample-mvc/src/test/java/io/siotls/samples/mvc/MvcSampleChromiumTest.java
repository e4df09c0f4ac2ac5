package io.siotls.samples.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.NamedGroup;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.PeerCommand;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real browser: Debian's Chromium, headless, loads the Tomcat sample's page. Chromium offers
 * X25519MLKEM768 by default, so the handshake must use it: its net log's SSL_CONNECT event
 * names key_exchange_group 4588 (0x11EC) and ALPN h2, our server's handshake event names
 * X25519MLKEM768, and the page, which prints the protocol the servlet saw, says HTTP/2.0.
 * Chromium trusts the development certificate by its key's SPKI hash, as it is told on its
 * command line. Skipped without chromium, except under CI, which installs it.
 */
class MvcSampleChromiumTest {

    /** The params of each event that carries a key_exchange_group: Chromium's SSL_CONNECT end events. */
    private static final Pattern SSL_CONNECT = Pattern.compile("\\{\"params\":\\{([^{}]*\"key_exchange_group\":\\d+[^{}]*)}");
    private static final Pattern GROUP = Pattern.compile("\"key_exchange_group\":(\\d+)");

    @TempDir
    Path certificates;

    @TempDir
    Path browser;

    @Test
    void chromiumGetsThePageOverHttp2WithX25519Mlkem768() throws Exception {
        PeerCommand.require("chromium");
        try (ConfigurableApplicationContext app = SpringApplication.run(MvcSampleApplication.class,
                "--server.port=0", "--siotls.server.client-auth=none", "--logging.level.root=warn",
                "--siotls.dev-certificates.directory=" + certificates)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<HandshakeEvent> handshakes = new CopyOnWriteArrayList<>();
            app.getBean("siotlsServerSslContext", SiotlsSSLContext.class).addHandshakeListener(new HandshakeListener() {
                @Override
                public void handshakeCompleted(HandshakeEvent event) {
                    handshakes.add(event);
                }
            });
            Path netLog = browser.resolve("net-log.json");

            String page = chromium("https://localhost:" + port + "/", spkiHash(certificates.resolve("server.pem")),
                    netLog);

            assertThat(page).contains("Hello anonymous client: HTTP/2.0 over TLS 1.3");
            List<String> connects = sslConnects(Files.readString(netLog));
            assertThat(connects).as("Chromium's SSL_CONNECT events").isNotEmpty().allSatisfy(params -> {
                Matcher group = GROUP.matcher(params);
                assertThat(group.find()).isTrue();
                assertThat(Integer.parseInt(group.group(1))).as(params).isEqualTo(NamedGroup.X25519MLKEM768.code());
                assertThat(params).contains("\"next_proto\":\"h2\"", "\"version\":\"TLS 1.3\"");
            });
            assertThat(handshakes).isNotEmpty().allSatisfy(event ->
                    assertThat(event.negotiated().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768));
        }
    }

    /** The page Chromium loads, as its DOM; its net log written to {@code netLog}. */
    private String chromium(String url, String spkiHash, Path netLog) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + browser.resolve("profile"),
                "--ignore-certificate-errors-spki-list=" + spkiHash, "--log-net-log=" + netLog, "--dump-dom", url));
        try (ExternalProcess process = ExternalProcess.start(command)) {
            process.stdin().close();
            int exit = process.awaitExit(Duration.ofSeconds(90));
            assertThat(exit).as(process.output()).isZero();
            return process.output();
        }
    }

    /** base64(SHA-256(SubjectPublicKeyInfo)) of the certificate's key, what Chromium's SPKI list takes. */
    private static String spkiHash(Path certificate) throws Exception {
        try (InputStream in = Files.newInputStream(certificate)) {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(hash);
        }
    }

    private static List<String> sslConnects(String netLog) {
        List<String> found = new ArrayList<>();
        Matcher matcher = SSL_CONNECT.matcher(netLog);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
