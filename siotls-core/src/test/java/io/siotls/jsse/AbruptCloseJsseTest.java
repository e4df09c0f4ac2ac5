package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input and abrupt closes on our SSLSocket, SSLServerSocket and SSLEngine: peers that vanish
 * mid-handshake, truncated records, closes without close_notify, plain text where TLS was due,
 * handshake timeouts. Each ends with an exception of the JDK's kind (naming the alert when there
 * is one) or, where the JDK's SSLSocket reads an end of stream, with -1; no thread hangs.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AbruptCloseJsseTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ServerSocket rawListener;

    AbruptCloseJsseTest() throws Exception {
        rawListener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        rawListener.close();
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static SSLContext ourClientContext() throws Exception {
        return SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER));
    }

    private static SSLContext ourServerContext() throws Exception {
        return SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null);
    }

    private SSLSocket ourClient() throws Exception {
        SSLSocket socket = (SSLSocket) ourClientContext().getSocketFactory().createSocket("localhost",
                rawListener.getLocalPort());
        socket.setSoTimeout(10_000);
        assertThat(socket).isInstanceOf(SiotlsSSLSocket.class);
        return socket;
    }

    /** Runs {@code peer} with the next raw connection accepted on the loopback listener. */
    private Future<Void> rawPeer(RawPeer peer) {
        return executor.submit(() -> {
            try (Socket raw = rawListener.accept()) {
                raw.setSoTimeout(10_000);
                peer.run(raw);
            }
            return null;
        });
    }

    interface RawPeer {
        void run(Socket raw) throws Exception;
    }

    /** A SunJSSE server over {@code raw}: handshakes and writes {@code A}, leaving {@code raw} open. */
    private static void sunJsseServerWritesA(Socket raw) throws Exception {
        SSLSocket tls = (SSLSocket) JsseMaterial.sunJsse(JsseMaterial.keyManagers(SERVER), null).getSocketFactory()
                .createSocket(raw, null, false);
        tls.setUseClientMode(false);
        tls.startHandshake();
        tls.getOutputStream().write('A');
        tls.getOutputStream().flush();
    }

    // ---- our client socket -------------------------------------------------------------------

    @Test
    void serverVanishingMidHandshakeFailsTheHandshake() throws Exception {
        Future<Void> peer = rawPeer(raw -> raw.getInputStream().read(new byte[5]));
        try (SSLSocket client = ourClient()) {
            assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("closed the connection during the handshake");
            assertThat(client.isClosed()).isTrue();
        }
        peer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void truncatedRecordMidHandshakeFailsTheHandshake() throws Exception {
        Future<Void> peer = rawPeer(raw -> {
            raw.getInputStream().read(new byte[5]);
            raw.getOutputStream().write(new byte[] {0x16, 0x03, 0x03, 0x00, 0x50, 0x02, 0x00, 0x00});
        });
        try (SSLSocket client = ourClient()) {
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SSLHandshakeException.class);
        }
        peer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void plainTextFromTheServerFailsNamingTheAlert() throws Exception {
        Future<Void> peer = rawPeer(raw -> {
            raw.getInputStream().read(new byte[5]);
            raw.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            raw.getInputStream().readAllBytes();
        });
        try (SSLSocket client = ourClient()) {
            assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageStartingWith("protocol_version");
        }
        peer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void closeWithoutCloseNotifyReadsAsEndOfStreamAsTheJdkDoes() throws Exception {
        Future<Void> peer = rawPeer(AbruptCloseJsseTest::sunJsseServerWritesA);
        try (SSLSocket client = ourClient()) {
            InputStream in = client.getInputStream();
            assertThat(in.read()).isEqualTo('A');
            peer.get(10, TimeUnit.SECONDS);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(client.isInputShutdown()).isTrue();
        }
    }

    @Test
    void closeWithoutCloseNotifyFailsWhenCloseNotifyIsRequired() throws Exception {
        Future<Void> peer = rawPeer(AbruptCloseJsseTest::sunJsseServerWritesA);
        System.setProperty("com.sun.net.ssl.requireCloseNotify", "true");
        try (SSLSocket client = ourClient()) {
            InputStream in = client.getInputStream();
            assertThat(in.read()).isEqualTo('A');
            peer.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(in::read).isInstanceOf(SSLProtocolException.class)
                    .hasMessageContaining("without close_notify");
        } finally {
            System.clearProperty("com.sun.net.ssl.requireCloseNotify");
        }
    }

    @Test
    void recordTruncatedAfterTheHandshakeFailsTheRead() throws Exception {
        Future<Void> peer = rawPeer(raw -> {
            sunJsseServerWritesA(raw);
            raw.getOutputStream().write(new byte[] {0x17, 0x03, 0x03, 0x00, 0x40, 1, 2, 3, 4, 5});
        });
        try (SSLSocket client = ourClient()) {
            InputStream in = client.getInputStream();
            assertThat(in.read()).isEqualTo('A');
            peer.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(in::read).isInstanceOf(SSLProtocolException.class)
                    .hasMessageContaining("inside a TLS record").hasMessageContaining("truncated");
        }
    }

    @Test
    void handshakeTimeoutIsASocketTimeoutAndTheHandshakeCanResumeAsWithTheJdk() throws Exception {
        CountDownLatch timedOut = new CountDownLatch(1);
        Future<Void> peer = rawPeer(raw -> {
            assertThat(timedOut.await(10, TimeUnit.SECONDS)).isTrue();
            sunJsseServerWritesA(raw);
            raw.getInputStream().read();
        });
        try (SSLSocket client = ourClient()) {
            client.setSoTimeout(200);
            assertThatThrownBy(client::startHandshake).isInstanceOf(SocketTimeoutException.class);
            assertThat(client.isClosed()).isFalse();
            timedOut.countDown();
            client.setSoTimeout(10_000);
            client.startHandshake();
            assertThat(client.getInputStream().read()).isEqualTo('A');
        }
        peer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void closingFromAnotherThreadEndsABlockedHandshake() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Future<Void> peer = rawPeer(raw -> done.await(10, TimeUnit.SECONDS));
        try (SSLSocket client = ourClient()) {
            Future<Object> handshake = executor.submit((Callable<Object>) () -> {
                client.startHandshake();
                return null;
            });
            Thread.sleep(100);
            client.close();
            assertThatThrownBy(() -> handshake.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(java.io.IOException.class);
        } finally {
            done.countDown();
        }
        peer.get(10, TimeUnit.SECONDS);
    }

    // ---- our server socket -------------------------------------------------------------------

    private Future<Void> ourServerHandshake(SSLServerSocket listener, int soTimeout) {
        return executor.submit(() -> {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                assertThat(socket).isInstanceOf(SiotlsSSLSocket.class);
                socket.setSoTimeout(soTimeout);
                socket.startHandshake();
            }
            return null;
        });
    }

    private static SSLServerSocket ourListener() throws Exception {
        return (SSLServerSocket) ourServerContext().getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
    }

    @Test
    void clientVanishingMidClientHelloFailsTheServerHandshake() throws Exception {
        try (SSLServerSocket listener = ourListener()) {
            Future<Void> server = ourServerHandshake(listener, 10_000);
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                raw.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc});
            }
            assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("closed the connection");
        }
    }

    @Test
    void plainHttpToOurServerIsRefusedWithAnAlert() throws Exception {
        try (SSLServerSocket listener = ourListener()) {
            Future<Void> server = ourServerHandshake(listener, 10_000);
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                raw.setSoTimeout(10_000);
                raw.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] alert = raw.getInputStream().readNBytes(7);
                assertThat(alert).as("a fatal protocol_version alert").containsExactly(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 70);
            }
            assertThatThrownBy(() -> server.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(SSLHandshakeException.class).hasMessageStartingWith("protocol_version");
        }
    }

    @Test
    void serverHandshakeTimeoutIsASocketTimeoutAndTheHandshakeCanResume() throws Exception {
        try (SSLServerSocket listener = ourListener();
             Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             SSLSocket accepted = (SSLSocket) listener.accept()) {
            accepted.setSoTimeout(200);
            assertThatThrownBy(accepted::startHandshake).isInstanceOf(SocketTimeoutException.class);
            assertThat(accepted.isClosed()).isFalse();

            SSLSocket sunClient = (SSLSocket) JsseMaterial.sunJsse(null, JsseMaterial.trustManagers(SERVER))
                    .getSocketFactory().createSocket(raw, "localhost", listener.getLocalPort(), false);
            Future<Integer> client = executor.submit(() -> {
                sunClient.startHandshake();
                return sunClient.getInputStream().read();
            });
            accepted.setSoTimeout(10_000);
            accepted.startHandshake();
            accepted.getOutputStream().write('B');
            accepted.getOutputStream().flush();
            assertThat(client.get(10, TimeUnit.SECONDS)).isEqualTo('B');
        }
    }

    // ---- our engine ----------------------------------------------------------------------------

    private static EnginePairs connectedEngines() throws Exception {
        SSLEngine client = ourClientContext().createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = JsseMaterial.sunJsse(JsseMaterial.keyManagers(SERVER), null).createSSLEngine();
        server.setUseClientMode(false);
        EnginePairs pair = new EnginePairs(client, server);
        pair.handshake();
        return pair;
    }

    @Test
    void engineCloseInboundWithoutCloseNotifyReportsTruncation() throws Exception {
        EnginePairs pair = connectedEngines();
        assertThatThrownBy(pair.client::closeInbound).isInstanceOf(SSLException.class)
                .hasMessageContaining("truncated");
        assertThat(pair.client.isInboundDone()).isTrue();
    }

    @Test
    void engineCloseInboundAfterCloseNotifyIsQuiet() throws Exception {
        EnginePairs pair = connectedEngines();
        pair.server.closeOutbound();
        ByteBuffer wire = ByteBuffer.allocate(pair.server.getSession().getPacketBufferSize());
        pair.server.wrap(ByteBuffer.allocate(0), wire);
        wire.flip();
        SSLEngineResult result = pair.client.unwrap(wire, ByteBuffer.allocate(1024));
        assertThat(result.getStatus()).isEqualTo(SSLEngineResult.Status.CLOSED);
        assertThatCode(pair.client::closeInbound).doesNotThrowAnyException();
    }

    @Test
    void engineWithAPartialRecordWaitsThenReportsTruncation() throws Exception {
        EnginePairs pair = connectedEngines();
        ByteBuffer wire = ByteBuffer.allocate(pair.server.getSession().getPacketBufferSize());
        pair.server.wrap(ByteBuffer.wrap("cut".getBytes(StandardCharsets.US_ASCII)), wire);
        wire.flip().limit(wire.limit() - 4);
        ByteBuffer app = ByteBuffer.allocate(512);
        SSLEngineResult result = pair.client.unwrap(wire, app);
        assertThat(result.getStatus()).isEqualTo(SSLEngineResult.Status.BUFFER_UNDERFLOW);
        assertThat(result.bytesConsumed()).isZero();
        assertThatThrownBy(pair.client::closeInbound).isInstanceOf(SSLException.class)
                .hasMessageContaining("truncated");
    }

    /**
     * A tampered record: the engine throws naming bad_record_mac, gives the application nothing
     * (RecordStepApiTest checks that its buffer holds none of the record), refuses the genuine
     * record that follows, and sends the alert.
     */
    @Test
    void engineOpeningATamperedRecordFailsWithBadRecordMacAndTellsThePeer() throws Exception {
        EnginePairs pair = connectedEngines();
        ByteBuffer wire = ByteBuffer.allocate(2 * pair.server.getSession().getPacketBufferSize());
        pair.server.wrap(ByteBuffer.wrap("tampered".getBytes(StandardCharsets.US_ASCII)), wire);
        int tamperedEnd = wire.position();
        pair.server.wrap(ByteBuffer.wrap("genuine".getBytes(StandardCharsets.US_ASCII)), wire);
        wire.put(tamperedEnd - 1, (byte) (wire.get(tamperedEnd - 1) ^ 1));
        wire.flip();
        ByteBuffer app = ByteBuffer.allocate(16_384);
        assertThatThrownBy(() -> pair.client.unwrap(wire, app))
                .isInstanceOf(SSLProtocolException.class).hasMessageContaining("bad_record_mac");
        assertThat(app.position()).isZero();

        wire.position(tamperedEnd);
        SSLEngineResult next = pair.client.unwrap(wire, app);
        assertThat(next.getStatus()).isEqualTo(SSLEngineResult.Status.CLOSED);
        assertThat(next.bytesProduced()).isZero();
        assertThat(app.position()).isZero();
        assertThat(new String(app.array(), StandardCharsets.US_ASCII)).doesNotContain("genuine");

        ByteBuffer alert = ByteBuffer.allocate(pair.client.getSession().getPacketBufferSize());
        pair.client.wrap(ByteBuffer.allocate(0), alert);
        alert.flip();
        assertThat(alert.remaining()).isPositive();
        assertThat(pair.client.isOutboundDone()).isTrue();
        assertThatThrownBy(() -> pair.server.unwrap(alert, ByteBuffer.allocate(16_384)))
                .isInstanceOf(SSLException.class).hasMessageContaining("bad_record_mac");
    }
}
