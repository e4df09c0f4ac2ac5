package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SiotlsSSLContext#reload} serves new connections with new key material while the old ones
 * go on, and {@link HandshakeListener}s hear of every handshake's outcome — both against the
 * JDK's own TLS as the peer.
 */
class ReloadAndListenersTest {

    private static final Identity FIRST = TestPki.server(KeyType.EC_P256);
    private static final Identity SECOND = TestPki.builder().keyType(KeyType.ED25519).subject("CN=second").build();

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void reloadServesNewConnectionsWithTheNewChainWhileOldOnesGoOn() throws Exception {
        SiotlsSSLContext server = SiotlsSSLContext.of(Configs.server(FIRST).build());
        SSLContext jdkClient = JsseMaterial.sunJsse(null, JsseMaterial.trustManagers(FIRST, SECOND));
        try (SSLServerSocket listener = listen(server)) {
            Future<?> echoing = executor.submit(() -> echoEach(listener, 2));
            try (SSLSocket before = connect(jdkClient, listener)) {
                assertThat(leaf(before)).isEqualTo(FIRST.leaf());
                server.reload(Configs.server(SECOND).build());
                assertThat(server.configuration(Side.SERVER).certificateChain()).containsExactlyElementsOf(SECOND.chain());
                try (SSLSocket after = connect(jdkClient, listener)) {
                    assertThat(leaf(after)).isEqualTo(SECOND.leaf());
                    assertThat(echo(after, 'b')).isEqualTo('b');
                }
                assertThat(echo(before, 'a')).isEqualTo('a');
            }
            echoing.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void reloadRefusesAConfigurationOfASideTheContextLacks() {
        SiotlsSSLContext server = SiotlsSSLContext.of(Configs.server(FIRST).build());
        assertThatThrownBy(() -> server.reload(Configs.clientTrusting(FIRST).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a client-side TLSConfiguration");
        assertThat(server.configuration(Side.CLIENT)).isNull();
    }

    @Test
    void listenersHearCompletedHandshakesOnBothSides() throws Exception {
        List<HandshakeEvent> serverEvents = new CopyOnWriteArrayList<>();
        List<HandshakeEvent> clientEvents = new CopyOnWriteArrayList<>();
        SiotlsSSLContext server = SiotlsSSLContext.of(Configs.server(FIRST).build());
        server.addHandshakeListener(new Recorder(serverEvents));
        SiotlsSSLContext client = SiotlsSSLContext.of(Configs.clientTrusting(FIRST)
                .keyExchanges(List.of(NamedGroup.SECP256R1)).build());
        client.addHandshakeListener(new Recorder(clientEvents));
        SSLContext jdkClient = JsseMaterial.sunJsse(null, JsseMaterial.trustManagers(FIRST));
        try (SSLServerSocket listener = listen(server)) {
            Future<?> echoing = executor.submit(() -> echoEach(listener, 2));
            try (SSLSocket socket = connect(jdkClient, listener)) {
                assertThat(echo(socket, 'x')).isEqualTo('x');
            }
            try (SSLSocket socket = connect(client, listener)) {
                assertThat(echo(socket, 'y')).isEqualTo('y');
            }
            echoing.get(10, TimeUnit.SECONDS);
        }
        assertThat(serverEvents).hasSize(2).allSatisfy(event -> {
            assertThat(event.side()).isEqualTo(Side.SERVER);
            assertThat(event.succeeded()).isTrue();
            assertThat(event.negotiated().cipherSuite()).isIn((Object[]) CipherSuite.values());
            assertThat(event.duration()).isPositive();
        });
        assertThat(clientEvents).singleElement().satisfies(event -> {
            assertThat(event.side()).isEqualTo(Side.CLIENT);
            assertThat(event.negotiated().keyExchange()).isEqualTo(NamedGroup.SECP256R1);
            assertThat(event.failure()).isNull();
        });
    }

    @Test
    void listenersHearFailedHandshakesOnceAndAThrowingListenerStopsNothing() throws Exception {
        List<HandshakeEvent> serverEvents = new CopyOnWriteArrayList<>();
        SiotlsSSLContext server = SiotlsSSLContext.of(Configs.server(FIRST).build());
        server.addHandshakeListener(new HandshakeListener() {
            @Override
            public void handshakeFailed(HandshakeEvent event) {
                throw new IllegalStateException("a broken listener");
            }
        });
        server.addHandshakeListener(new Recorder(serverEvents));
        List<HandshakeEvent> clientEvents = new CopyOnWriteArrayList<>();
        SiotlsSSLContext untrusting = SiotlsSSLContext.of(Configs.clientTrusting(SECOND).build());
        untrusting.addHandshakeListener(new Recorder(clientEvents));
        try (SSLServerSocket listener = listen(server)) {
            Future<?> accepting = executor.submit(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.startHandshake();
                }
                return null;
            });
            try (SSLSocket socket = connect(untrusting, listener)) {
                assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
            }
            assertThatThrownBy(() -> accepting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SSLHandshakeException.class);
        }
        assertThat(clientEvents).singleElement().satisfies(event -> {
            assertThat(event.succeeded()).isFalse();
            assertThat(event.negotiated()).isNull();
            assertThat(event.failure()).hasMessageContaining("unknown_ca");
        });
        assertThat(serverEvents).singleElement().satisfies(event -> {
            assertThat(event.side()).isEqualTo(Side.SERVER);
            assertThat(event.failure()).isInstanceOf(SSLHandshakeException.class);
        });
    }

    @Test
    void eventsCarryThePeerAddressTheEngineWasGivenAndItsSession() throws Exception {
        List<HandshakeEvent> events = new CopyOnWriteArrayList<>();
        SiotlsSSLContext client = SiotlsSSLContext.of(Configs.clientTrusting(FIRST).build());
        client.addHandshakeListener(new Recorder(events));
        List<javax.net.ssl.SSLEngine> engines = List.of(client.createSSLEngine("peer.example", 4433),
                client.createSSLEngine());
        for (javax.net.ssl.SSLEngine engine : engines) {
            engine.setUseClientMode(true);
            engine.beginHandshake();
            try {
                engine.closeInbound();
            } catch (javax.net.ssl.SSLException truncated) {
                // the peer "closed" without close_notify
            }
        }
        assertThat(events).hasSize(2);
        assertThat(events.get(0).succeeded()).isFalse();
        assertThat(events.get(0).peerHost()).isEqualTo("peer.example");
        assertThat(events.get(0).peerPort()).isEqualTo(4433);
        assertThat(events.get(0).peerAddress()).isEqualTo("peer.example:4433");
        assertThat(events.get(1).peerHost()).isNull();
        assertThat(events.get(1).peerPort()).isEqualTo(-1);
        assertThat(events.get(1).peerAddress()).isNull();
        assertThat(events.get(0).session()).isSameAs(engines.get(0).getSession());
        assertThat(events.get(1).session()).isSameAs(engines.get(1).getSession())
                .isNotSameAs(events.get(0).session());
    }

    @Test
    void anAcceptedConnectionsEventsAndSessionNameThePeerItWasAcceptedFrom() throws Exception {
        List<HandshakeEvent> events = new CopyOnWriteArrayList<>();
        SiotlsSSLContext server = SiotlsSSLContext.of(Configs.server(FIRST).build());
        server.addHandshakeListener(new Recorder(events));
        SSLContext jdkClient = JsseMaterial.sunJsse(null, JsseMaterial.trustManagers(FIRST));
        try (SSLServerSocket listener = listen(server);
             SSLSocket client = connect(jdkClient, listener);
             SSLSocket accepted = (SSLSocket) listener.accept()) {
            Future<?> handshake = executor.submit(() -> {
                client.startHandshake();
                return null;
            });
            accepted.startHandshake();
            handshake.get(10, TimeUnit.SECONDS);

            String clientAddress = client.getLocalAddress().getHostAddress();
            assertThat(accepted.getSession().getPeerHost()).isEqualTo(clientAddress);
            assertThat(accepted.getSession().getPeerPort()).isEqualTo(client.getLocalPort());
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.side()).isEqualTo(Side.SERVER);
                assertThat(event.succeeded()).isTrue();
                assertThat(event.peerAddress()).isEqualTo(clientAddress + ":" + client.getLocalPort());
            });
        }
    }

    private static SSLServerSocket listen(SSLContext context) throws IOException {
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    private static SSLSocket connect(SSLContext context, SSLServerSocket listener) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                listener.getLocalPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private Object echoEach(SSLServerSocket listener, int connections) throws IOException {
        for (int i = 0; i < connections; i++) {
            SSLSocket accepted = (SSLSocket) listener.accept();
            executor.submit(() -> {
                try (accepted) {
                    int b;
                    while ((b = accepted.getInputStream().read()) >= 0) {
                        accepted.getOutputStream().write(b);
                        accepted.getOutputStream().flush();
                    }
                }
                return null;
            });
        }
        return null;
    }

    private static char echo(SSLSocket socket, char c) throws IOException {
        socket.getOutputStream().write(c);
        socket.getOutputStream().flush();
        return (char) socket.getInputStream().read();
    }

    private static X509Certificate leaf(SSLSocket socket) throws IOException {
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }

    private record Recorder(List<HandshakeEvent> events) implements HandshakeListener {
        @Override
        public void handshakeCompleted(HandshakeEvent event) {
            events.add(event);
        }

        @Override
        public void handshakeFailed(HandshakeEvent event) {
            events.add(event);
        }
    }
}
