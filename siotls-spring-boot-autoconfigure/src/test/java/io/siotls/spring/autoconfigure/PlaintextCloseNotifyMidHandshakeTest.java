package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.connection.TLSConnection;
import io.siotls.testing.Curl;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A client that sends its ClientHello, reads the server's flight and then gives up with a
 * plaintext close_notify alert, where the server waits for its encrypted Finished (or sends that
 * alert right behind its ClientHello): Tomcat and Reactor Netty, on our SSLEngine, close the
 * connection at once (not at the handshake timeout), spend no processor time on it afterwards,
 * and serve the next client.
 */
class PlaintextCloseNotifyMidHandshakeTest {

    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);
    /** Well within the handshake timeout: a connection held until then was not closed by the alert. */
    private static final Duration CLOSED_WITHIN = Duration.ofMillis(800);
    private static final byte[] PLAINTEXT_CLOSE_NOTIFY = {0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x00};
    private static final int CONNECTIONS = 5;
    /** How long the server is watched for a thread still spinning on a closed connection. */
    private static final Duration IDLE = Duration.ofSeconds(2);

    @TempDir
    static Path pkiDir;

    private static TestPki.Leaf server;

    @BeforeAll
    static void makePki() {
        TestPki pki = new TestPki(pkiDir);
        pki.caFile();
        server = pki.leaf("server", "localhost");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tomcat", "Reactor Netty"})
    void theServerClosesAtOnceSpinsNotAndServesTheNextClient(String webServer) throws Exception {
        boolean tomcat = webServer.equals("Tomcat");
        try (ConfigurableApplicationContext app = TestApplications.runHelloApplication(
                tomcat ? WebApplicationType.SERVLET : WebApplicationType.REACTIVE,
                tomcat ? TestApplications.NETTY_REACTIVE : TestApplications.TOMCAT_REACTIVE, server,
                "siotls.server.handshake-timeout=" + HANDSHAKE_TIMEOUT.toMillis() + "ms")) {
            int port = TestApplications.port(app);
            assertThat(get(port).body()).isEqualTo("hello");

            for (int i = 0; i < CONNECTIONS; i++) {
                assertThat(closeNotify(port, true)).as("%s closed connection %d after", webServer, i)
                        .isLessThan(CLOSED_WITHIN);
                assertThat(closeNotify(port, false)).as("%s closed connection %d, alert sent with the ClientHello, "
                        + "after", webServer, i).isLessThan(CLOSED_WITHIN);
            }
            Busiest busiest = busiestThreadOver(IDLE);
            assertThat(busiest.spent()).as("processor time of %s's busiest thread (%s) over %s idle", webServer,
                    busiest.thread(), IDLE).isLessThan(IDLE.dividedBy(4));
            Curl.Result result = get(port);
            assertThat(result.exitCode()).as(result.verbose()).isZero();
            assertThat(result.body()).isEqualTo("hello");
        }
    }

    private static Curl.Result get(int port) throws IOException, InterruptedException {
        return Curl.run("--cacert", pkiDir.resolve("ca.pem").toString(), "https://localhost:" + port + "/hello");
    }

    /**
     * Sends a ClientHello of our own client and a plaintext close_notify, after reading the
     * server's whole flight (its Finished included) or else right behind the ClientHello, in the
     * same segment, and returns how long the server then took to close the connection (end of
     * stream or reset).
     */
    private static Duration closeNotify(int port, boolean afterTheFlight) throws IOException {
        TLSConnection client = new TLSConnection(TLSConfiguration.client().insecureNoPeerVerification().build(),
                "localhost");
        client.initiateConnection();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5000);
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            hello.write(client.dataToSend());
            if (!afterTheFlight) {
                hello.write(PLAINTEXT_CLOSE_NOTIFY);
            }
            socket.getOutputStream().write(hello.toByteArray());
            if (afterTheFlight) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                while (!client.isHandshakeComplete()) {
                    client.receiveData(record(in));
                }
                socket.getOutputStream().write(PLAINTEXT_CLOSE_NOTIFY);
            }
            long sent = System.nanoTime();
            socket.setSoTimeout((int) HANDSHAKE_TIMEOUT.multipliedBy(3).toMillis());
            try {
                InputStream raw = socket.getInputStream();
                while (raw.read() >= 0) {
                    continue;
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open for "
                        + HANDSHAKE_TIMEOUT.multipliedBy(3) + " after a close_notify");
            } catch (IOException reset) {
                // closed too
            }
            return Duration.ofNanos(System.nanoTime() - sent);
        }
    }

    /** One TLS record, header included. */
    private static byte[] record(DataInputStream in) throws IOException {
        byte[] header = new byte[5];
        in.readFully(header);
        byte[] body = new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)];
        in.readFully(body);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(header);
        record.write(body);
        return record.toByteArray();
    }

    /** The processor time of the busiest thread of this JVM over {@code window}, and its name. */
    private static Busiest busiestThreadOver(Duration window) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
        Thread.sleep(window.toMillis());
        Busiest busiest = new Busiest("none", Duration.ZERO);
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            long now = thread == null ? -1 : threads.getThreadCpuTime(thread.getThreadId());
            if (now >= 0) {
                Duration spent = Duration.ofNanos(now - before.getOrDefault(thread.getThreadId(), 0L));
                if (spent.compareTo(busiest.spent()) > 0) {
                    busiest = new Busiest(thread.getThreadName(), spent);
                }
            }
        }
        return busiest;
    }

    private record Busiest(String thread, Duration spent) {
    }
}
