package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.DecodeError;
import io.siotls.alerts.HandshakeFailure;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.alerts.RecordOverflow;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.extensions.EarlyDataExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.extensions.UnknownExtension;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.ContentType;
import io.siotls.iana.ExtensionType;
import io.siotls.messages.ClientHello;
import io.siotls.messages.Finished;
import io.siotls.messages.ServerHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import io.siotls.wire.TLSReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Malformed, truncated and out-of-order input: each gets its alert, sent and raised. */
class MalformedInputTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    private static TLSConnection server() {
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        server.initiateConnection();
        return server;
    }

    private static TLSConnection client() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();
        return client;
    }

    /** A genuine ClientHello from our client, changed by {@code change}. */
    private static byte[] clientHelloRecord(UnaryOperator<ClientHello> change) {
        byte[] fragment = Records.firstFragment(client().dataToSend());
        ClientHello hello = ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        return Records.handshake(change.apply(hello));
    }

    private static ClientHello withExtensions(ClientHello hello, UnaryOperator<List<Extension>> change) {
        List<Extension> extensions = change.apply(new ArrayList<>(hello.extensions().list()));
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), ExtensionBlock.of(extensions));
    }

    private static List<Extension> without(List<Extension> extensions, ExtensionType type) {
        extensions.removeIf(e -> e.typeCode() == type.code());
        return extensions;
    }

    /** Feeds {@code input}, expecting {@code alert} raised and sent as a plaintext alert record. */
    private static void assertAlert(TLSConnection connection, byte[] input, Class<? extends TLSAlertException> alert,
            AlertDescription description) {
        assertThatThrownBy(() -> connection.receiveData(input)).isInstanceOf(alert)
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isFalse());
        assertThat(Records.plaintextAlert(connection.dataToSend())).isEqualTo(description.code());
        assertThat(connection.isPostHandshake()).isTrue();
        assertThat(connection.isConnected()).isFalse();
    }

    @Test
    void truncatedClientHelloIsDecodeError() {
        byte[] record = clientHelloRecord(UnaryOperator.identity());
        byte[] fragment = Records.firstFragment(record);
        byte[] cut = Arrays.copyOf(fragment, fragment.length - 3);
        cut[3] = (byte) (cut[3] - 3);
        assertAlert(server(), Records.plaintext(ContentType.HANDSHAKE, cut), DecodeError.class,
                AlertDescription.DECODE_ERROR);
    }

    @Test
    void clientHelloWithoutSupportedVersionsIsProtocolVersion() {
        byte[] record = clientHelloRecord(h -> withExtensions(h, e -> without(e, ExtensionType.SUPPORTED_VERSIONS)));
        assertAlert(server(), record, ProtocolVersion.class, AlertDescription.PROTOCOL_VERSION);
    }

    @Test
    void clientHelloWithoutKeyShareIsMissingExtension() {
        byte[] record = clientHelloRecord(h -> withExtensions(h, e -> without(e, ExtensionType.KEY_SHARE)));
        assertAlert(server(), record, MissingExtension.class, AlertDescription.MISSING_EXTENSION);
    }

    @Test
    void clientHelloWithoutCommonCipherSuiteIsHandshakeFailure() {
        byte[] record = clientHelloRecord(h -> new ClientHello(h.legacyVersion(), h.random(), h.legacySessionId(),
                List.of(0x009c, 0xc02f), h.legacyCompressionMethods(), h.extensions()));
        assertAlert(server(), record, HandshakeFailure.class, AlertDescription.HANDSHAKE_FAILURE);
    }

    @Test
    void clientHelloWithCompressionIsIllegalParameter() {
        byte[] record = clientHelloRecord(h -> new ClientHello(h.legacyVersion(), h.random(), h.legacySessionId(),
                h.cipherSuites(), new byte[] {1, 0}, h.extensions()));
        assertAlert(server(), record, IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void keyShareNotInSupportedGroupsIsIllegalParameter() {
        byte[] record = clientHelloRecord(h -> withExtensions(h, e -> {
            int index = e.indexOf(h.extensions().get(ExtensionType.SUPPORTED_GROUPS, Extension.class));
            e.set(index, new io.siotls.extensions.SupportedGroupsExtension(List.of(0x0017)));
            return e;
        }));
        assertAlert(server(), record, IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void earlyDataWithABodyInAClientHelloIsDecodeError() {
        byte[] record = clientHelloRecord(h -> withExtensions(h, e -> {
            e.add(0, EarlyDataExtension.maxSize(16384));
            return e;
        }));
        assertAlert(server(), record, DecodeError.class, AlertDescription.DECODE_ERROR);
    }

    @Test
    void duplicateExtensionIsIllegalParameter() {
        byte[] record = clientHelloRecord(UnaryOperator.identity());
        byte[] fragment = Records.firstFragment(record);
        // append a second supported_versions extension to the extension block and fix the lengths
        byte[] extra = {0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04};
        byte[] grown = Arrays.copyOf(fragment, fragment.length + extra.length);
        System.arraycopy(extra, 0, grown, fragment.length, extra.length);
        int bodyLength = grown.length - 4;
        grown[1] = (byte) (bodyLength >>> 16);
        grown[2] = (byte) (bodyLength >>> 8);
        grown[3] = (byte) bodyLength;
        ClientHello hello = ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        int extensionsAt = 4 + 2 + 32 + 1 + hello.legacySessionId().length + 2 + 2 * hello.cipherSuites().size() + 2;
        int blockLength = ((grown[extensionsAt] & 0xff) << 8 | (grown[extensionsAt + 1] & 0xff)) + extra.length;
        grown[extensionsAt] = (byte) (blockLength >>> 8);
        grown[extensionsAt + 1] = (byte) blockLength;
        assertAlert(server(), Records.plaintext(ContentType.HANDSHAKE, grown), IllegalParameter.class,
                AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void finishedBeforeClientHelloIsUnexpectedMessage() {
        assertAlert(server(), Records.handshake(new Finished(new byte[32])), UnexpectedMessage.class,
                AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void applicationDataBeforeTheHandshakeIsUnexpectedMessage() {
        assertAlert(server(), Records.plaintext(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3}),
                UnexpectedMessage.class, AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void changeCipherSpecBeforeClientHelloIsUnexpectedMessage() {
        assertAlert(server(), Records.plaintext(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                UnexpectedMessage.class, AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void oversizedRecordIsRecordOverflow() {
        byte[] header = {22, 3, 3, (byte) 0x40, 0x01};
        assertAlert(server(), header, RecordOverflow.class, AlertDescription.RECORD_OVERFLOW);
    }

    @Test
    void malformedAlertIsDecodeError() {
        assertAlert(server(), Records.plaintext(ContentType.ALERT, new byte[] {2, 40, 0}), DecodeError.class,
                AlertDescription.DECODE_ERROR);
    }

    @Test
    void serverHelloWithAnUnofferedCipherSuiteIsIllegalParameter() {
        TLSConnection client = client();
        TLSConnection server = server();
        byte[] clientHello = client.dataToSend();
        server.receiveData(clientHello);
        byte[] flight = server.dataToSend();
        byte[] fragment = Records.firstFragment(flight);
        ServerHello hello = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        ServerHello changed = new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(),
                0x1304, hello.legacyCompressionMethod(), hello.extensions());
        client.dataToSend();
        assertAlert(client, Records.handshake(changed), IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void serverHelloWithAnUnofferedExtensionIsUnsupportedExtension() {
        TLSConnection client = client();
        TLSConnection server = server();
        server.receiveData(client.dataToSend());
        byte[] fragment = Records.firstFragment(server.dataToSend());
        ServerHello hello = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        List<Extension> extensions = new ArrayList<>(hello.extensions().list());
        extensions.add(new UnknownExtension(0x7a7a, new byte[0]));
        ServerHello changed = new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(),
                hello.cipherSuite(), hello.legacyCompressionMethod(), ExtensionBlock.of(extensions));
        assertAlert(client, Records.handshake(changed), UnsupportedExtension.class,
                AlertDescription.UNSUPPORTED_EXTENSION);
    }

    @Test
    void serverHelloWithTheWrongSessionIdEchoIsIllegalParameter() {
        TLSConnection client = client();
        TLSConnection server = server();
        server.receiveData(client.dataToSend());
        byte[] fragment = Records.firstFragment(server.dataToSend());
        ServerHello hello = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        ServerHello changed = new ServerHello(hello.legacyVersion(), hello.random(), new byte[32],
                hello.cipherSuite(), hello.legacyCompressionMethod(), hello.extensions());
        assertAlert(client, Records.handshake(changed), IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER);
    }

    @Test
    void tamperedEncryptedRecordIsBadRecordMac() {
        TLSConnection client = client();
        TLSConnection server = server();
        server.receiveData(client.dataToSend());
        byte[] flight = server.dataToSend();
        flight[flight.length - 1] ^= 1;
        assertThatThrownBy(() -> client.receiveData(flight)).isInstanceOf(BadRecordMac.class);
        assertThatThrownBy(() -> server.receiveData(client.dataToSend()))
                .as("the client sent bad_record_mac under its handshake keys, which the server opens")
                .isInstanceOf(BadRecordMac.class)
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isTrue());
    }

    /**
     * After the handshake, a tampered record among genuine ones: bad_record_mac, and no plaintext
     * is released, not even that of the genuine record before it in the same bytes; the
     * connection is dead, so the genuine record after it is never opened and more bytes are refused.
     */
    @Test
    void tamperedApplicationDataRecordReleasesNothingAndEndsTheConnection() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        client.sendData("before".getBytes());
        byte[] before = client.dataToSend();
        client.sendData("tampered".getBytes());
        byte[] tampered = client.dataToSend();
        tampered[tampered.length - 1] ^= 1;
        client.sendData("after".getBytes());
        byte[] after = client.dataToSend();
        byte[] wire = new byte[before.length + tampered.length + after.length];
        System.arraycopy(before, 0, wire, 0, before.length);
        System.arraycopy(tampered, 0, wire, before.length, tampered.length);
        System.arraycopy(after, 0, wire, before.length + tampered.length, after.length);

        assertThatThrownBy(() -> server.receiveData(wire)).isInstanceOf(BadRecordMac.class);

        assertThat(server.dataToReadLength()).isZero();
        assertThat(server.dataToRead()).isEmpty();
        assertThat(server.isConnected()).isFalse();
        assertThat(server.dataToSend()).as("the bad_record_mac alert").isNotEmpty();
        assertThatThrownBy(() -> server.receiveData(after)).isInstanceOf(IllegalStateException.class);
        assertThat(server.dataToRead()).isEmpty();
    }

    @Test
    void changeCipherSpecAfterTheHandshakeIsUnexpectedMessage() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        assertThatThrownBy(() -> server.receiveData(Records.plaintext(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1})))
                .isInstanceOf(UnexpectedMessage.class);
        assertThat(server.isConnected()).isFalse();
    }

    @Test
    void unprotectedAlertAfterTheHandshakeIsUnexpectedMessage() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        assertThatThrownBy(() -> server.receiveData(Records.plaintext(ContentType.ALERT, new byte[] {2, 40})))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("unprotected alert");
    }

    @Test
    void unprotectedAlertDuringTheHandshakeIsTheFailureOfAPeerThatHadNotSwitchedKeysYet() {
        TLSConnection client = client();
        TLSConnection server = server();
        server.receiveData(client.dataToSend());
        assertThatThrownBy(() -> server.receiveData(Records.plaintext(ContentType.ALERT, new byte[] {2, 47})))
                .isInstanceOf(IllegalParameter.class)
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isTrue());
    }

    @Test
    void receivedFatalAlertRaisesItsExceptionMarkedRemote() {
        TLSConnection server = server();
        assertThatThrownBy(() -> server.receiveData(Records.plaintext(ContentType.ALERT, new byte[] {2, 40})))
                .isInstanceOf(HandshakeFailure.class)
                .hasMessageContaining("received fatal alert handshake_failure")
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isTrue());
        assertThat(server.dataToSend()).isEmpty();
    }

    @Test
    void extensionsAreCheckedAgainstTheirMessage() {
        ExtensionBlock block = ExtensionBlock.of(List.of(new UnknownExtension(ExtensionType.KEY_SHARE.code(), new byte[0])));
        io.siotls.wire.TLSWriter writer = new io.siotls.wire.TLSWriter();
        block.write(writer);
        assertThatThrownBy(() -> ExtensionBlock.read(new TLSReader(writer.toByteArray()),
                ExtensionContext.ENCRYPTED_EXTENSIONS)).isInstanceOf(IllegalParameter.class);
    }

    /** The genuine ServerHello our server answers our client with, changed by {@code change}. */
    private static byte[] serverHelloRecord(TLSConnection client, UnaryOperator<List<Extension>> change) {
        TLSConnection server = server();
        server.receiveData(client.dataToSend());
        byte[] fragment = Records.firstFragment(server.dataToSend());
        ServerHello hello = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        List<Extension> extensions = change.apply(new ArrayList<>(hello.extensions().list()));
        return Records.handshake(new ServerHello(hello.legacyVersion(), hello.random(), hello.legacySessionIdEcho(),
                hello.cipherSuite(), hello.legacyCompressionMethod(), ExtensionBlock.of(extensions)));
    }

    /** Version rollback (RFC 8446 §4.1.3): a ServerHello that negotiates TLS 1.2 or below. */
    @Test
    void serverHelloWithoutSupportedVersionsIsProtocolVersion() {
        TLSConnection client = client();
        byte[] rolledBack = serverHelloRecord(client, extensions -> without(extensions, ExtensionType.SUPPORTED_VERSIONS));
        assertAlert(client, rolledBack, ProtocolVersion.class, AlertDescription.PROTOCOL_VERSION);
    }

    /** RFC 8446 §D.5: a ServerHello whose legacy_version is SSL 3.0 is protocol_version; 0x0301 is illegal_parameter. */
    @Test
    void serverHelloWithAnSsl3LegacyVersionIsProtocolVersion() {
        for (int legacyVersion : new int[] {0x0300, 0x0301}) {
            TLSConnection client = client();
            TLSConnection server = server();
            server.receiveData(client.dataToSend());
            byte[] fragment = Records.firstFragment(server.dataToSend());
            ServerHello hello = ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
            byte[] record = Records.handshake(new ServerHello(legacyVersion, hello.random(), hello.legacySessionIdEcho(),
                    hello.cipherSuite(), hello.legacyCompressionMethod(), hello.extensions()));
            if (legacyVersion == 0x0300) {
                assertAlert(client, record, ProtocolVersion.class, AlertDescription.PROTOCOL_VERSION);
            } else {
                assertAlert(client, record, IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER);
            }
        }
    }

    /** RFC 8446 §4.2.1: a supported_versions selecting a version prior to TLS 1.3 is illegal_parameter. */
    @Test
    void serverHelloSelectingTls12InSupportedVersionsIsIllegalParameter() {
        TLSConnection client = client();
        byte[] rolledBack = serverHelloRecord(client, extensions -> {
            without(extensions, ExtensionType.SUPPORTED_VERSIONS);
            extensions.add(new UnknownExtension(ExtensionType.SUPPORTED_VERSIONS.code(), new byte[] {3, 3}));
            return extensions;
        });
        assertAlert(client, rolledBack, IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER);
    }

    /**
     * Renegotiation does not exist in TLS 1.3 (RFC 8446 §4.1.2): a ClientHello on an established
     * connection is unexpected_message, sent under the traffic keys.
     */
    @Test
    void aClientHelloAfterTheHandshakeIsUnexpectedMessage() throws Exception {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        byte[] secondHello = Records.firstFragment(client().dataToSend());
        java.lang.reflect.Field channelField = ConnectionCore.class.getDeclaredField("channel");
        channelField.setAccessible(true);
        RecordChannel channel = (RecordChannel) channelField.get(client);
        channel.sendHandshake(secondHello);
        channel.flush();
        byte[] protectedHello = client.dataToSend();

        assertThatThrownBy(() -> server.receiveData(protectedHello)).isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("client_hello");
        assertThatThrownBy(() -> client.receiveData(server.dataToSend())).isInstanceOf(UnexpectedMessage.class)
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isTrue());
    }
}
