package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ClientSessionCache;
import io.siotls.ConnectionOptions;
import io.siotls.LruClientSessionCache;
import io.siotls.ResumableSession;
import io.siotls.SessionKey;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ContentType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.iana.NamedGroup;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.ServerFlight;
import io.siotls.testing.TestPki;
import io.siotls.wire.TLSReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Our Sans-IO client resuming the sessions of our own server (RFC 8446 §2.2, §4.2.11, §4.6.1):
 * the tickets it keeps, the ticket it offers and how, the server's answers it accepts and those
 * it refuses.
 */
class ClientResumptionTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    private final TLSConfiguration serverConfig = Configs.server(SERVER).build();
    private final TLSConfiguration clientConfig = Configs.clientTrusting(SERVER).build();
    private final LruClientSessionCache cache = new LruClientSessionCache(100, Duration.ZERO);

    private TLSConnection client(TLSConfiguration config, ClientSessionCache sessions) {
        return new TLSConnection(config, ConnectionOptions.builder().serverName("localhost")
                .verificationHostname("localhost").sessionCache(sessions, "localhost", 443).build());
    }

    /** A whole connection, its tickets delivered; returns the client. */
    private TLSConnection connect(TLSConfiguration client, TLSConfiguration server, ClientSessionCache sessions) {
        TLSConnection connection = client(client, sessions);
        TLSConnection peer = new TLSConnection(server);
        MemoryPipe.handshake(connection, peer);
        MemoryPipe.transfer(peer, connection);
        assertThat(peer.nconfig().resumed()).isEqualTo(connection.nconfig().resumed());
        return connection;
    }

    private TLSConnection connect() {
        return connect(clientConfig, serverConfig, cache);
    }

    @Test
    void theSecondConnectionResumesWithATicketOfTheFirst() {
        TLSConnection full = connect();
        assertThat(full.nconfig().resumed()).isFalse();
        assertThat(cache.size()).as("our server sends two tickets").isEqualTo(2);

        TLSConnection resumed = connect();

        assertThat(resumed.nconfig().resumed()).isTrue();
        assertThat(resumed.nconfig().peerCertificateChain()).containsExactlyElementsOf(SERVER.chain());
        assertThat(resumed.nconfig().peerPublicKey()).isEqualTo(SERVER.chain().get(0).getPublicKey());
        assertThat(resumed.nconfig().peerSignatureAlgorithm()).as("no CertificateVerify").isNull();
        assertThat(resumed.nconfig().cipherSuite()).isEqualTo(full.nconfig().cipherSuite());
        assertThat(cache.size()).as("one ticket taken, one received in its place").isEqualTo(2);
    }

    @Test
    void aTicketIsNeverOfferedTwice() {
        RecordingCache recording = new RecordingCache(cache);
        connect(clientConfig, serverConfig, recording);
        for (int i = 0; i < 5; i++) {
            assertThat(connect(clientConfig, serverConfig, recording).nconfig().resumed()).isTrue();
        }
        assertThat(recording.offered).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void theClientHelloOffersTheNewestTicketLastWithPskDheKe() {
        CipherSuite suite = connect().nconfig().cipherSuite();
        TLSConnection second = client(clientConfig, cache);
        second.initiateConnection();
        ClientHello hello = helloOf(second.dataToSend());

        List<Integer> types = new ArrayList<>(hello.extensions().typeCodes());
        assertThat(types.get(types.size() - 1)).isEqualTo(ExtensionType.PRE_SHARED_KEY.code());
        assertThat(hello.extensions().dataOf(ExtensionType.PSK_KEY_EXCHANGE_MODES.code())).containsExactly(1, 1);
        assertThat(hello.extensions().contains(ExtensionType.KEY_SHARE)).isTrue();
        PreSharedKeyExtension offer = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        assertThat(offer.identities()).hasSize(1);
        assertThat(offer.binders().get(0)).hasSize(suite.hashLength());
    }

    @Test
    void aConnectionKeepsAtMostEightTickets() {
        connect(clientConfig, serverConfig.toBuilder().sessionTickets(16).build(), cache);
        assertThat(cache.size()).isEqualTo(8);
    }

    @Test
    void withoutACacheNothingIsKeptOrOffered() {
        TLSConnection connection = new TLSConnection(clientConfig, "localhost");
        TLSConnection peer = new TLSConnection(serverConfig);
        MemoryPipe.handshake(connection, peer);
        MemoryPipe.transfer(peer, connection);
        TLSConnection again = new TLSConnection(clientConfig, "localhost");
        again.initiateConnection();
        assertThat(helloOf(again.dataToSend()).extensions().contains(ExtensionType.PRE_SHARED_KEY)).isFalse();
    }

    @Test
    void anotherServerNameOrPortOrConfigurationDoesNotResume() {
        connect();
        TLSConnection otherName = new TLSConnection(clientConfig, ConnectionOptions.builder().serverName("other.test")
                .sessionCache(cache, "localhost", 443).build());
        otherName.initiateConnection();
        TLSConnection otherPort = new TLSConnection(clientConfig, ConnectionOptions.builder().serverName("localhost")
                .verificationHostname("localhost").sessionCache(cache, "localhost", 8443).build());
        otherPort.initiateConnection();
        TLSConnection otherConfig = client(Configs.clientTrusting(SERVER).build(), cache);
        otherConfig.initiateConnection();

        for (TLSConnection connection : List.of(otherName, otherPort, otherConfig)) {
            assertThat(helloOf(connection.dataToSend()).extensions().contains(ExtensionType.PRE_SHARED_KEY)).isFalse();
        }
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aTicketOfASuiteNoLongerEnabledIsNotOffered() {
        connect(Configs.clientTrusting(SERVER).build(), serverConfig, cache);
        TLSConnection connection = new TLSConnection(clientConfig, ConnectionOptions.builder().serverName("localhost")
                .verificationHostname("localhost").cipherSuites(List.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256))
                .sessionCache(cache, "localhost", 443).build());
        connection.initiateConnection();
        assertThat(helloOf(connection.dataToSend()).extensions().contains(ExtensionType.PRE_SHARED_KEY)).isFalse();
    }

    @Test
    void aServerThatIgnoresTheTicketRunsAFullHandshake() {
        connect();
        TLSConfiguration otherKeys = Configs.server(SERVER).build();
        TLSConnection connection = connect(clientConfig, otherKeys, cache);
        assertThat(connection.nconfig().resumed()).isFalse();
        assertThat(connection.nconfig().peerSignatureAlgorithm()).isNotNull();
    }

    @Test
    void aHelloRetryRequestKeepsTheTicketAndStillResumes() {
        TLSConfiguration client = Configs.clientTrusting(SERVER)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1).build();
        TLSConfiguration server = serverConfig.toBuilder().keyExchanges(NamedGroup.SECP256R1).build();
        connect(client, server, cache);

        TLSConnection resumed = connect(client, server, cache);

        assertThat(resumed.nconfig().resumed()).isTrue();
        assertThat(resumed.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP256R1);
    }

    @Test
    void aHelloRetryRequestForASuiteOfAnotherHashDropsTheTicket() {
        TLSConfiguration client = Configs.clientTrusting(SERVER)
                .cipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384, CipherSuite.TLS_AES_128_GCM_SHA256)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1).build();
        connect(client, serverConfig.toBuilder().cipherSuites(CipherSuite.TLS_AES_256_GCM_SHA384).build(), cache);
        TLSConfiguration server = serverConfig.toBuilder().cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256)
                .keyExchanges(NamedGroup.SECP256R1).build();

        TLSConnection connection = client(client, cache);
        TLSConnection peer = new TLSConnection(server);
        connection.initiateConnection();
        peer.initiateConnection();
        assertThat(helloOf(connection.dataToSend(), peer).extensions().contains(ExtensionType.PRE_SHARED_KEY)).isTrue();
        byte[] retry = peer.dataToSend();
        connection.receiveData(retry);
        byte[] second = connection.dataToSend();
        assertThat(helloOf(Records.afterFirst(second)).extensions().contains(ExtensionType.PRE_SHARED_KEY))
                .as("a SHA-384 ticket cannot serve TLS_AES_128_GCM_SHA256").isFalse();
        peer.receiveData(second);
        connection.receiveData(peer.dataToSend());
        peer.receiveData(connection.dataToSend());
        assertThat(connection.nconfig().resumed()).isFalse();
        assertThat(peer.isHandshakeComplete()).isTrue();
    }

    @Test
    void aSelectedIdentityOutOfRangeIsIllegalParameter() {
        TLSConnection connection = resumingClientFacing(flight -> replaceOnce(flight, "0029000200 00", "0029000200 01"));
        assertThat(connection.isFailed()).isTrue();
    }

    @Test
    void aSuiteOfAnotherHashThanTheTicketsIsIllegalParameter() {
        TLSConfiguration client = Configs.clientTrusting(SERVER)
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384).build();
        TLSConfiguration sha256Server = serverConfig.toBuilder().cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).build();
        connect(client, sha256Server, cache);
        TLSConnection connection = client(client, cache);
        connection.initiateConnection();
        byte[] hello = connection.dataToSend();
        ServerFlight real = ServerFlight.answer(sha256Server.toBuilder(), hello);
        assertThat(real.serverHello().extensions().contains(ExtensionType.PRE_SHARED_KEY)).isTrue();
        byte[] serverHello = replaceOnce(real.serverHelloRecord(), "1301 00", "1302 00");

        assertThatThrownBy(() -> connection.receiveData(serverHello)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("RFC 8446 §4.2.11");
    }

    @Test
    void aCertificateInAResumedHandshakeIsUnexpectedMessage() {
        connect();
        TLSConnection connection = client(clientConfig, cache);
        connection.initiateConnection();
        ServerFlight real = ServerFlight.answer(serverConfig.toBuilder(), connection.dataToSend());
        List<byte[]> messages = real.messages();
        assertThat(messages).as("EncryptedExtensions, Finished").hasSize(2);
        byte[] certificate = {(byte) HandshakeType.CERTIFICATE.code(), 0, 0, 4, 0, 0, 0, 0};
        byte[] flight = ServerFlight.concat(real.serverHelloRecord(),
                Records.plaintext(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                real.protect(ContentType.HANDSHAKE, messages.get(0)),
                real.protect(ContentType.HANDSHAKE, certificate),
                real.protect(ContentType.HANDSHAKE, messages.get(1)));

        assertThatThrownBy(() -> connection.receiveData(flight)).isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("received certificate while waiting for finished");
    }

    /** A client resuming a ticket of {@code serverConfig}, fed the real server's flight changed by {@code edit}. */
    private TLSConnection resumingClientFacing(java.util.function.UnaryOperator<byte[]> edit) {
        connect();
        TLSConnection connection = client(clientConfig, cache);
        connection.initiateConnection();
        ServerFlight real = ServerFlight.answer(serverConfig.toBuilder(), connection.dataToSend());
        assertThat(real.serverHello().extensions().contains(ExtensionType.PRE_SHARED_KEY)).isTrue();
        byte[] serverHello = edit.apply(real.serverHelloRecord());
        assertThatThrownBy(() -> connection.receiveData(serverHello)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("selected PSK identity 1");
        return connection;
    }

    private static byte[] replaceOnce(byte[] bytes, String from, String to) {
        String hex = HexFormat.of().formatHex(bytes);
        String pattern = from.replace(" ", "");
        int at = hex.indexOf(pattern);
        assertThat(at).as("%s in %s", pattern, hex).isGreaterThanOrEqualTo(0);
        while (at % 2 != 0) {
            at = hex.indexOf(pattern, at + 1);
        }
        return HexFormat.of().parseHex(hex.substring(0, at) + to.replace(" ", "") + hex.substring(at + pattern.length()));
    }

    private static ClientHello helloOf(byte[] records) {
        byte[] fragment = Records.firstFragment(records);
        return ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
    }

    /** The ClientHello of {@code records}, which are then delivered to {@code peer}. */
    private static ClientHello helloOf(byte[] records, TLSConnection peer) {
        peer.receiveData(records);
        return helloOf(records);
    }

    /** A cache that remembers the ticket of every session it hands out. */
    private static final class RecordingCache implements ClientSessionCache {
        private final ClientSessionCache delegate;
        final List<String> offered = new ArrayList<>();

        RecordingCache(ClientSessionCache delegate) {
            this.delegate = delegate;
        }

        @Override
        public void put(ResumableSession session) {
            delegate.put(session);
        }

        @Override
        public ResumableSession take(SessionKey key, Instant now, Predicate<ResumableSession> usable) {
            ResumableSession taken = delegate.take(key, now, usable);
            if (taken != null) {
                offered.add(taken.toString() + "@" + System.identityHashCode(taken));
            }
            return taken;
        }

        @Override
        public void remove(SessionKey key) {
            delegate.remove(key);
        }
    }
}
