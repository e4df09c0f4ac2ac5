package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.Limits;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * The JSSE socket bounds a handshake by limits.max_handshake_duration: a peer that connects and
 * says nothing, or trickles its ClientHello, cannot hold a server thread past it, whatever the
 * socket's own timeout; a shorter socket timeout keeps the JDK's resumable SocketTimeoutException.
 */
class HandshakeDurationSocketTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Duration LIMIT = Duration.ofMillis(600);

    private static SSLServerSocket listener() throws Exception {
        SiotlsSSLContext context = SiotlsSSLContext.of(null, Configs.server(SERVER)
                .limits(Limits.DEFAULTS.withMaxHandshakeDuration(LIMIT)).build());
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @Test
    void aSilentPeerIsDroppedAtTheHandshakeDurationDespiteALongerSocketTimeout() throws Exception {
        try (SSLServerSocket listener = listener();
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             SSLSocket accepted = (SSLSocket) listener.accept()) {
            accepted.setSoTimeout(30_000);
            long start = System.nanoTime();

            assertThatThrownBy(accepted::startHandshake).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("limits.max_handshake_duration");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(LIMIT.minusMillis(50), Duration.ofSeconds(5));
            assertThat(accepted.isClosed()).isTrue();
        }
    }

    @Test
    void aPeerTricklingItsClientHelloIsShedAtTheHandshakeDuration() throws Exception {
        byte[] hello = clientHello();
        try (SSLServerSocket listener = listener();
             Socket trickler = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             SSLSocket accepted = (SSLSocket) listener.accept()) {
            Thread sender = new Thread(() -> trickle(trickler, hello));
            sender.start();
            long start = System.nanoTime();

            assertThatThrownBy(accepted::startHandshake).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("limits.max_handshake_duration");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            sender.interrupt();
            sender.join(5_000);
        }
    }

    @Test
    void aShorterSocketTimeoutStaysTheJdksResumableTimeout() throws Exception {
        try (SSLServerSocket listener = listener();
             Socket silent = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             SSLSocket accepted = (SSLSocket) listener.accept()) {
            accepted.setSoTimeout(100);
            assertThatThrownBy(accepted::startHandshake).isInstanceOf(SocketTimeoutException.class);
            assertThat(accepted.isClosed()).isFalse();
        }
    }

    private static byte[] clientHello() {
        io.siotls.connection.TLSConnection client = new io.siotls.connection.TLSConnection(Configs.clientTrusting(SERVER).build(), "localhost");
        client.initiateConnection();
        return client.dataToSend();
    }

    private static void trickle(Socket socket, byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(50);
            }
        } catch (Exception stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
