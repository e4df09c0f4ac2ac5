package io.siotls.samples.rawkeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.PeerCommand;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * The raw-public-key sample answers GnuTLS (raw public keys only) and its own RestClient, which
 * pins the key, and writes each connection's five TLS 1.3 secrets to its key log.
 */
class RawKeysSampleApplicationTest {

    @TempDir
    Path directory;

    @Test
    void answersGnutlsAndItsPinningClientAndLogsTheKeys() throws Exception {
        RawKeyPair.ensure(directory);
        Path keyLog = directory.resolve("keylog.txt");
        try (ConfigurableApplicationContext app = SpringApplication.run(RawKeysSampleApplication.class, "--server.port=0",
                "--siotls.server.public-key=" + directory.resolve(RawKeyPair.PUBLIC_KEY).toUri(),
                "--siotls.server.private-key=" + directory.resolve(RawKeyPair.PRIVATE_KEY).toUri(),
                "--siotls.server.key-log-file=" + keyLog,
                "--siotls.client.trusted-public-keys=" + directory.resolve(RawKeyPair.PUBLIC_KEY).toUri())) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(gnutlsGet(port)).startsWith("HTTP/1.1 200").contains("\r\n\r\nHello over TLS 1.3 with a raw public key");
            String body = app.getBean(RestClient.Builder.class).build().get().uri("https://localhost:" + port + "/")
                    .retrieve().body(String.class);
            assertThat(body).startsWith("Hello over TLS 1.3 with a raw public key (TLS_");
        }
        List<String> lines = Files.readAllLines(keyLog);
        assertThat(lines).hasSize(10);
        assertThat(lines).extracting(line -> line.split(" ")[0]).containsOnly("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("[A-Z_0-9]+ [0-9a-f]{64} [0-9a-f]{64,96}"));
    }

    private static String gnutlsGet(int port) throws Exception {
        PeerCommand.require("gnutls-cli");
        Process process = new ProcessBuilder("gnutls-cli", "--port", Integer.toString(port), "--insecure", "--priority",
                "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CTYPE-ALL:+CTYPE-SRV-RAWPK:+CTYPE-CLI-RAWPK", "localhost")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream(); InputStream out = process.getInputStream()) {
            in.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            byte[] buffer = new byte[4096];
            while (!received.toString(StandardCharsets.US_ASCII).contains("on siotls") && System.nanoTime() < deadline) {
                int n = out.read(buffer);
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
            String text = received.toString(StandardCharsets.US_ASCII);
            return text.substring(Math.max(0, text.indexOf("HTTP/1.1")));
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
