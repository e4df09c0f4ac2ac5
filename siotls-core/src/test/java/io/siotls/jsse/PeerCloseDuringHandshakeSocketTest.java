package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.Limits;
import io.siotls.connection.TLSConnection;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its ClientHello, reads the server's flight, then closes with a plaintext
 * close_notify (what TLS scanners do) ends the server's handshake at once: it answers with its
 * own close_notify and closes (RFC 8446 §6.1), instead of waiting for records that the peer has
 * promised never to send — which once spun the accepting thread at 100 % CPU.
 */
class PeerCloseDuringHandshakeSocketTest {

    /** A plaintext close_notify alert record, as a scanner sends it. */
    static final byte[] PLAINTEXT_CLOSE_NOTIFY = HexFormat.of().parseHex("15030300020100");

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Duration LIMIT = Duration.ofSeconds(8);

    @Test
    void aCloseNotifyAfterTheServerFlightEndsTheHandshakeWellWithinItsLimit() throws Exception {
        assertServerEndsAfter(true);
    }

    @Test
    void aCloseNotifyRightAfterTheClientHelloEndsTheHandshakeToo() throws Exception {
        assertServerEndsAfter(false);
    }

    private static void assertServerEndsAfter(boolean readFlightFirst) throws Exception {
        SiotlsSSLContext context = SiotlsSSLContext.of(null, Configs.server(SERVER)
                .limits(Limits.DEFAULTS.withMaxHandshakeDuration(LIMIT)).build());
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Socket scanner = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             SSLSocket accepted = (SSLSocket) listener.accept()) {
            accepted.setSoTimeout(0);
            CompletableFuture<Throwable> handshake = CompletableFuture.supplyAsync(() -> {
                try {
                    accepted.startHandshake();
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            scanner.setSoTimeout(5_000);
            scanner.getOutputStream().write(clientHello());
            if (readFlightFirst) {
                byte[] flight = new byte[4096];
                assertThat(scanner.getInputStream().read(flight)).as("the server's first flight").isPositive();
            }
            long start = System.nanoTime();
            scanner.getOutputStream().write(PLAINTEXT_CLOSE_NOTIFY);
            scanner.getOutputStream().flush();

            Throwable failure = handshake.get(LIMIT.toMillis() / 2, TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(failure).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("close_notify")
                    .hasMessageNotContaining("max_handshake_duration");
            assertThat(took).isLessThan(LIMIT.dividedBy(2));
            assertThat(accepted.isClosed()).isTrue();
            assertThat(readUntilEnd(scanner.getInputStream())).as("the server closed its side").isTrue();
        }
    }

    /** Whether the stream reached its end (not a timeout) after whatever the server still sent. */
    private static boolean readUntilEnd(InputStream in) throws Exception {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                rest.write(buffer, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static byte[] clientHello() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(SERVER).build(), "localhost");
        client.initiateConnection();
        return client.dataToSend();
    }
}
