package io.siotls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.connection.TLSConnection;
import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a TLS scanner does to {@code siotls server}: a ClientHello, the server's flight read, then
 * a plaintext close_notify. The server ends the handshake at once (exit code 1, the reason on
 * standard error) instead of spinning, long before its 10-second handshake limit.
 */
class CliServerPeerCloseTest {

    private static final byte[] PLAINTEXT_CLOSE_NOTIFY = HexFormat.of().parseHex("15030300020100");
    private static final Duration HANDSHAKE_LIMIT = Duration.ofSeconds(10);

    @TempDir
    static Path pkiDir;

    @Test
    void aCloseNotifyAfterTheServerFlightEndsTheServerWithinTheHandshakeLimit() throws Exception {
        DevelopmentCertificates pki = DevelopmentCertificates.inDirectory(pkiDir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> SiotlsCli.run(new String[] {
            "server", "--port", "0",
            "--cert", pki.file(DevelopmentCertificates.SERVER_CHAIN).toString(),
            "--key", pki.file(DevelopmentCertificates.SERVER_KEY).toString()},
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        int port = ListeningPort.of(err, served);

        try (Socket scanner = new Socket(InetAddress.getLoopbackAddress(), port)) {
            scanner.setSoTimeout(5_000);
            scanner.getOutputStream().write(clientHello());
            assertThat(scanner.getInputStream().read(new byte[8192])).as("the server's flight").isPositive();
            long start = System.nanoTime();
            scanner.getOutputStream().write(PLAINTEXT_CLOSE_NOTIFY);

            int exitCode = served.get(HANDSHAKE_LIMIT.toMillis() / 2, TimeUnit.MILLISECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANDSHAKE_LIMIT.dividedBy(2));
            assertThat(exitCode).isEqualTo(SiotlsCli.HANDSHAKE_FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("close_notify before the handshake completed");
        }
    }

    @Test
    void aSilentClientIsDroppedAtTheConfiguredHandshakeTimeout() throws Exception {
        DevelopmentCertificates pki = DevelopmentCertificates.inDirectory(pkiDir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> SiotlsCli.run(new String[] {
            "server", "--port", "0", "--handshake-timeout", "1",
            "--cert", pki.file(DevelopmentCertificates.SERVER_CHAIN).toString(),
            "--key", pki.file(DevelopmentCertificates.SERVER_KEY).toString()},
                new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        int port = ListeningPort.of(err, served);

        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port)) {
            long start = System.nanoTime();
            int exitCode = served.get(HANDSHAKE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
            assertThat(exitCode).isEqualTo(SiotlsCli.HANDSHAKE_FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("max_handshake_duration");
        }
    }

    private static byte[] clientHello() {
        TLSConnection client = new TLSConnection(TLSConfiguration.client().build(), "localhost");
        client.initiateConnection();
        return client.dataToSend();
    }
}
