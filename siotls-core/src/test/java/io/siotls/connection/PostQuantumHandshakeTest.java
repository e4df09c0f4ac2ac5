package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.IllegalParameter;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.messages.ClientHello;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handshakes over ML-KEM (draft-ietf-tls-mlkem) and the ECDHE-MLKEM hybrids
 * (draft-ietf-tls-ecdhe-mlkem) between our client and our server: every group, the two shares
 * of a hybrid-first ClientHello, the server's choice, a HelloRetryRequest for a hybrid, and
 * hostile shares each answered with illegal_parameter.
 */
class PostQuantumHandshakeTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    private static TLSConnection client(NamedGroup... groups) {
        return new TLSConnection(Configs.clientTrusting(IDENTITY).keyExchanges(groups).build(), "localhost");
    }

    private static TLSConnection server(NamedGroup... groups) {
        return new TLSConnection(Configs.server(IDENTITY).keyExchanges(groups).build());
    }

    private static ClientHello parseClientHello(byte[] records) {
        byte[] fragment = Records.firstFragment(records);
        return ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
    }

    private static ServerHello parseServerHello(byte[] records) {
        byte[] fragment = Records.firstFragment(records);
        return ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = ".*MLKEM.*", mode = EnumSource.Mode.MATCH_ANY)
    void eachPostQuantumGroupCarriesAHandshakeAndData(NamedGroup group) {
        TLSConnection client = client(group);
        TLSConnection server = server(group);

        MemoryPipe.handshake(client, server);
        client.sendData(new byte[] {42});
        MemoryPipe.transfer(client, server);

        assertThat(client.nconfig().keyExchange()).isEqualTo(group);
        assertThat(server.nconfig().keyExchange()).isEqualTo(group);
        assertThat(server.dataToRead()).containsExactly(42);
    }

    @Test
    void byDefaultTheClientHelloSharesX25519Mlkem768AndX25519AndListsSecp256r1() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();

        ClientHello hello = parseClientHello(client.dataToSend());

        assertThat(hello.extensions().get(ExtensionType.SUPPORTED_GROUPS, SupportedGroupsExtension.class).groups())
                .containsExactly(0x11ec, 0x001d, 0x0017);
        assertThat(hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).entries())
                .extracting(KeyShareEntry::group, share -> share.keyExchange().length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x11ec, 1216),
                        org.assertj.core.groups.Tuple.tuple(0x001d, 32));
    }

    @Test
    void byDefaultOurClientAndServerAgreeOnX25519Mlkem768() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());

        MemoryPipe.handshake(client, server);

        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
    }

    @Test
    void aHybridFirstClientHelloAlsoSharesTheFirstClassicGroup() {
        TLSConnection client = client(NamedGroup.X25519MLKEM768, NamedGroup.SECP256R1, NamedGroup.X25519);
        client.initiateConnection();

        ClientHello hello = parseClientHello(client.dataToSend());

        List<KeyShareEntry> shares = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).entries();
        assertThat(shares).extracting(KeyShareEntry::group)
                .containsExactly(NamedGroup.X25519MLKEM768.code(), NamedGroup.SECP256R1.code());
        assertThat(shares).extracting(share -> share.keyExchange().length).containsExactly(1216, 65);
    }

    @Test
    void aClassicFirstClientHelloSharesOnlyThatGroup() {
        TLSConnection client = client(NamedGroup.X25519, NamedGroup.X25519MLKEM768);
        client.initiateConnection();

        ClientHello hello = parseClientHello(client.dataToSend());

        assertThat(hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).entries())
                .extracting(KeyShareEntry::group).containsExactly(NamedGroup.X25519.code());
    }

    @Test
    void aServerWithoutMlKemTakesTheClassicShareWithoutARetry() {
        TLSConnection client = client(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
        TLSConnection server = server(NamedGroup.X25519, NamedGroup.SECP256R1);
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        byte[] flight = server.dataToSend();

        assertThat(parseServerHello(flight).isHelloRetryRequest()).isFalse();
        client.receiveData(flight);
        MemoryPipe.transfer(client, server);
        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519);
    }

    @Test
    void aServerPreferringTheHybridTakesItWhenOffered() {
        TLSConnection client = client(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
        TLSConnection server = server(NamedGroup.X25519MLKEM768, NamedGroup.X25519);

        MemoryPipe.handshake(client, server);

        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
    }

    @Test
    void aHelloRetryRequestForTheHybridIsAnsweredWithItsShareAlone() {
        TLSConnection client = client(NamedGroup.X25519, NamedGroup.X25519MLKEM768);
        TLSConnection server = server(NamedGroup.X25519MLKEM768);
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        byte[] retry = server.dataToSend();
        assertThat(parseServerHello(retry).isHelloRetryRequest()).isTrue();

        client.receiveData(retry);
        byte[] second = client.dataToSend();
        byte[] secondHello = Arrays.copyOfRange(second, indexOfHandshakeRecord(second), second.length);
        assertThat(parseClientHello(secondHello).extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class)
                .entries()).extracting(KeyShareEntry::group).containsExactly(NamedGroup.X25519MLKEM768.code());
        server.receiveData(second);
        MemoryPipe.transfer(server, client);
        MemoryPipe.transfer(client, server);

        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
    }

    /** Skips the change_cipher_spec record of middlebox compatibility mode before the second ClientHello. */
    private static int indexOfHandshakeRecord(byte[] records) {
        int at = 0;
        while (records[at] != 22) {
            at += 5 + ((records[at + 3] & 0xff) << 8 | (records[at + 4] & 0xff));
        }
        return at;
    }

    // --- hostile shares

    /** Our client's ClientHello offering only X25519MLKEM768, its share changed by {@code change}. */
    private static byte[] clientHelloWithHybridShare(UnaryOperator<byte[]> change) {
        TLSConnection client = client(NamedGroup.X25519MLKEM768);
        client.initiateConnection();
        ClientHello hello = parseClientHello(client.dataToSend());
        byte[] share = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).entries().get(0)
                .keyExchange();
        List<Extension> extensions = new ArrayList<>(hello.extensions().list());
        extensions.replaceAll(e -> e.typeCode() == ExtensionType.KEY_SHARE.code()
                ? KeyShareExtension.clientShares(List.of(new KeyShareEntry(NamedGroup.X25519MLKEM768.code(),
                        change.apply(share))))
                : e);
        return Records.handshake(new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), hello.legacyCompressionMethods(), ExtensionBlock.of(extensions)));
    }

    private static void assertServerRefuses(byte[] hello, String message) {
        TLSConnection server = server(NamedGroup.X25519MLKEM768, NamedGroup.X25519);
        server.initiateConnection();
        assertThatThrownBy(() -> server.receiveData(hello)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining(message);
        assertThat(Records.plaintextAlert(server.dataToSend())).isEqualTo(AlertDescription.ILLEGAL_PARAMETER.code());
    }

    @Test
    void aTruncatedHybridShareIsIllegalParameter() {
        assertServerRefuses(clientHelloWithHybridShare(share -> Arrays.copyOf(share, share.length - 1)),
                "must be 1216 bytes, got 1215");
    }

    @Test
    void anOversizedHybridShareIsIllegalParameter() {
        assertServerRefuses(clientHelloWithHybridShare(share -> Arrays.copyOf(share, share.length + 1)),
                "must be 1216 bytes, got 1217");
    }

    @Test
    void aHybridShareWhoseEncapsulationKeyFailsTheModulusCheckIsIllegalParameter() {
        assertServerRefuses(clientHelloWithHybridShare(share -> {
            share[0] = (byte) 0xff;
            share[1] = (byte) (share[1] | 0x0f);
            return share;
        }), "modulus check");
    }

    @Test
    void aHybridShareWhoseX25519HalfIsAllZeroIsIllegalParameter() {
        assertServerRefuses(clientHelloWithHybridShare(share -> {
            Arrays.fill(share, 1184, 1216, (byte) 0);
            return share;
        }), "all zeros");
    }

    @Test
    void aServerHelloWithACiphertextOfTheWrongLengthIsIllegalParameter() {
        TLSConnection client = client(NamedGroup.MLKEM768);
        TLSConnection server = server(NamedGroup.MLKEM768);
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        ServerHello hello = parseServerHello(server.dataToSend());
        KeyShareEntry share = hello.extensions().get(ExtensionType.KEY_SHARE, KeyShareExtension.class).serverEntry();
        List<Extension> extensions = new ArrayList<>(hello.extensions().list());
        extensions.replaceAll(e -> e.typeCode() == ExtensionType.KEY_SHARE.code()
                ? KeyShareExtension.serverShare(new KeyShareEntry(share.group(),
                        Arrays.copyOf(share.keyExchange(), 1087)))
                : e);
        byte[] tampered = Records.handshake(new ServerHello(hello.legacyVersion(), hello.random(),
                hello.legacySessionIdEcho(), hello.cipherSuite(), hello.legacyCompressionMethod(),
                ExtensionBlock.of(extensions)));

        assertThatThrownBy(() -> client.receiveData(tampered)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("MLKEM768 ciphertext must be 1088 bytes, got 1087");
        assertThat(Records.plaintextAlert(client.dataToSend())).isEqualTo(AlertDescription.ILLEGAL_PARAMETER.code());
    }

    @Test
    void supportedGroupsListsEveryConfiguredGroupByItsIanaCode() {
        TLSConnection client = client(NamedGroup.X25519MLKEM768, NamedGroup.SECP256R1MLKEM768,
                NamedGroup.SECP384R1MLKEM1024, NamedGroup.MLKEM512, NamedGroup.MLKEM768, NamedGroup.MLKEM1024);
        client.initiateConnection();

        ClientHello hello = parseClientHello(client.dataToSend());

        assertThat(hello.extensions().get(ExtensionType.SUPPORTED_GROUPS, SupportedGroupsExtension.class).groups())
                .containsExactly(0x11ec, 0x11eb, 0x11ed, 0x0200, 0x0201, 0x0202);
    }
}
