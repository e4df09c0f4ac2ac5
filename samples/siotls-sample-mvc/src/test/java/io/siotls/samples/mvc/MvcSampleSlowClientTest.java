package io.siotls.samples.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.connection.TLSConnection;
import io.siotls.testing.PeerCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Slow clients against the Tomcat sample on our engine: 50 connections trickling their ClientHello
 * a byte every 100 ms, which Tomcat's per-read connection timeout (20 s here) never trips, and 50
 * connections left half-open (connected, silent) are all shed soon after
 * siotls.server.handshake-timeout (1 s here), and all the while ordinary clients (curl) are served.
 */
class MvcSampleSlowClientTest {

    private static final int SLOW = 50;
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path certificates;

    @Test
    void slowAndSilentClientsAreShedAtTheirTimeoutsWhileOthersAreServed() throws Exception {
        PeerCommand.require("curl");
        ExecutorService threads = Executors.newCachedThreadPool();
        try (ConfigurableApplicationContext app = SpringApplication.run(MvcSampleApplication.class,
                "--server.port=0", "--siotls.server.client-auth=none", "--logging.level.root=warn",
                "--siotls.server.handshake-timeout=" + HANDSHAKE_TIMEOUT.toMillis() + "ms",
                "--server.tomcat.connection-timeout=" + CONNECTION_TIMEOUT.toMillis() + "ms",
                "--siotls.dev-certificates.directory=" + certificates)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            byte[] hello = clientHello();
            List<CompletableFuture<Duration>> tricklers = new ArrayList<>();
            List<CompletableFuture<Duration>> silent = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                tricklers.add(CompletableFuture.supplyAsync(() -> timeUntilClosed(port, hello), threads));
                silent.add(CompletableFuture.supplyAsync(() -> timeUntilClosed(port, new byte[0]), threads));
            }

            for (int i = 0; i < 5; i++) {
                assertThat(curl(port)).as("an ordinary client while the slow ones are attached").isEqualTo("200");
                Thread.sleep(200);
            }

            for (CompletableFuture<Duration> trickler : tricklers) {
                assertThat(trickler.get(20, TimeUnit.SECONDS)).as("a trickling client shed after")
                        .isBetween(HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT.plusSeconds(3));
            }
            for (CompletableFuture<Duration> quiet : silent) {
                assertThat(quiet.get(20, TimeUnit.SECONDS)).as("a half-open connection shed after")
                        .isBetween(HANDSHAKE_TIMEOUT, HANDSHAKE_TIMEOUT.plusSeconds(3));
            }
            assertThat(curl(port)).isEqualTo("200");
        } finally {
            threads.shutdownNow();
        }
    }

    /** A ClientHello of our own client: what a trickler sends, a byte every 100 ms. */
    private static byte[] clientHello() {
        TLSConnection client = new TLSConnection(TLSConfiguration.client().build(), "localhost");
        client.initiateConnection();
        return client.dataToSend();
    }

    /**
     * Connects, sends {@code bytes} a byte every 100 ms (nothing for a half-open connection), and
     * returns how long the server took to close the connection.
     */
    private static Duration timeUntilClosed(int port, byte[] bytes) {
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            int sent = 0;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15)) {
                if (sent < bytes.length) {
                    out.write(bytes[sent++]);
                    out.flush();
                }
                try {
                    while (in.read() >= 0) {
                        continue;
                    }
                    return Duration.ofNanos(System.nanoTime() - start);
                } catch (java.net.SocketTimeoutException stillOpen) {
                    continue;
                }
            }
            throw new AssertionError("the server kept the connection for 15 s");
        } catch (IOException closedByTheServer) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private static String curl(int port) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("curl", "-sk", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5",
                "https://localhost:" + port + "/").start();
        process.getOutputStream().close();
        String code = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return code;
    }
}
