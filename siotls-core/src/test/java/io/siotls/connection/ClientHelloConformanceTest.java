package io.siotls.connection;

import io.siotls.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.alerts.TLSAlertException;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.KeyShareEntry;
import io.siotls.extensions.KeyShareExtension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.extensions.SupportedVersionsExtension;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.TLSVersion;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import io.siotls.wire.TLSReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a TLS 1.3 server must refuse in a ClientHello, and what it must tolerate, as tlsfuzzer
 * checks it (RFC 8446 §4.1.2, §4.2.7, §4.2.8, §D.5).
 */
class ClientHelloConformanceTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final int SECP224R1 = 0x0015;

    private static TLSConnection server() {
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        server.initiateConnection();
        return server;
    }

    private static TLSConnection client() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1).build(), "localhost");
        client.initiateConnection();
        return client;
    }

    /** Our client's genuine ClientHello, changed by {@code change}. */
    private static byte[] clientHello(UnaryOperator<ClientHello> change) {
        byte[] fragment = Records.firstFragment(client().dataToSend());
        return Records.handshake(change.apply(ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4))));
    }

    private static UnaryOperator<ClientHello> extensions(UnaryOperator<List<Extension>> change) {
        return hello -> new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), hello.legacyCompressionMethods(),
                ExtensionBlock.of(change.apply(new ArrayList<>(hello.extensions().list()))));
    }

    private static UnaryOperator<List<Extension>> replace(ExtensionType type, Extension replacement) {
        return list -> {
            list.replaceAll(e -> e.typeCode() == type.code() ? replacement : e);
            return list;
        };
    }

    private static void assertRefused(byte[] input, Class<? extends TLSAlertException> alert,
            AlertDescription description, String message) {
        TLSConnection server = server();
        assertThatThrownBy(() -> server.receiveData(input)).isInstanceOf(alert).hasMessageContaining(message);
        assertThat(Records.plaintextAlert(server.dataToSend())).isEqualTo(description.code());
    }

    private static void assertAnswered(byte[] input) {
        TLSConnection server = server();
        server.receiveData(input);
        byte[] flight = server.dataToSend();
        assertThat(flight[0]).as("a ServerHello, not an alert").isEqualTo((byte) 22);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0000, 0x0001, 0x0100, 0x0102, 0x0200, 0x0300})
    void aLegacyVersionOfSsl3OrOlderIsProtocolVersionWhateverSupportedVersionsSays(int legacyVersion) {
        byte[] hello = clientHello(h -> new ClientHello(legacyVersion, h.random(), h.legacySessionId(),
                h.cipherSuites(), h.legacyCompressionMethods(), h.extensions()));
        assertRefused(hello, ProtocolVersion.class, AlertDescription.PROTOCOL_VERSION, "legacy_version");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x0301, 0x0302, 0x0303, 0x0304})
    void anyTlsLegacyVersionIsIgnoredInFavourOfSupportedVersions(int legacyVersion) {
        assertAnswered(clientHello(h -> new ClientHello(legacyVersion, h.random(), h.legacySessionId(),
                h.cipherSuites(), h.legacyCompressionMethods(), h.extensions())));
    }

    @Test
    void anEmptyKeyShareForTheChosenGroupIsIllegalParameter() {
        byte[] hello = clientHello(extensions(replace(ExtensionType.KEY_SHARE,
                KeyShareExtension.clientShares(List.of(new KeyShareEntry(NamedGroup.X25519.code(), new byte[0]))))));
        assertRefused(hello, IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER, "x25519 key share must be 32 bytes");
    }

    @Test
    void anObsoleteGroupInATls13OnlyClientHelloIsIllegalParameter() {
        byte[] hello = clientHello(extensions(replace(ExtensionType.SUPPORTED_GROUPS, new SupportedGroupsExtension(
                List.of(SECP224R1, NamedGroup.X25519.code(), NamedGroup.SECP256R1.code())))));
        assertRefused(hello, IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER, "obsolete group 21");
    }

    @Test
    void anObsoleteGroupAlongsideTls12IsIgnored() {
        byte[] hello = clientHello(extensions(list -> {
            replace(ExtensionType.SUPPORTED_GROUPS, new SupportedGroupsExtension(
                    List.of(SECP224R1, NamedGroup.X25519.code(), NamedGroup.SECP256R1.code()))).apply(list);
            return replace(ExtensionType.SUPPORTED_VERSIONS, SupportedVersionsExtension.offered(
                    List.of(TLSVersion.TLS_1_3.code(), TLSVersion.TLS_1_2.code()))).apply(list);
        }));
        assertAnswered(hello);
    }

    @Test
    void aKeyShareForAnObsoleteGroupIsIllegalParameterEvenAlongsideTls12() {
        byte[] hello = clientHello(extensions(list -> {
            replace(ExtensionType.SUPPORTED_GROUPS, new SupportedGroupsExtension(
                    List.of(SECP224R1, NamedGroup.X25519.code()))).apply(list);
            replace(ExtensionType.SUPPORTED_VERSIONS, SupportedVersionsExtension.offered(
                    List.of(TLSVersion.TLS_1_3.code(), TLSVersion.TLS_1_2.code()))).apply(list);
            return replace(ExtensionType.KEY_SHARE, KeyShareExtension.clientShares(
                    List.of(new KeyShareEntry(SECP224R1, new byte[57])))).apply(list);
        }));
        assertRefused(hello, IllegalParameter.class, AlertDescription.ILLEGAL_PARAMETER, "obsolete group 21");
    }

    @Test
    void greaseAndUnknownGroupsAreIgnored() {
        byte[] hello = clientHello(extensions(replace(ExtensionType.SUPPORTED_GROUPS, new SupportedGroupsExtension(
                List.of(0x0a0a, 0x1234, NamedGroup.X25519.code(), NamedGroup.SECP256R1.code())))));
        assertAnswered(hello);
    }

    @Test
    void aClientHelloOfMoreThan64KibIsAnswered() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        client.initiateConnection();
        server.initiateConnection();
        byte[] fragment = Records.firstFragment(client.dataToSend());
        ClientHello hello = ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        List<Extension> extensions = new ArrayList<>(hello.extensions().list());
        // what the extensions' 16-bit length leaves beside the default key shares (1,216 + 32 bytes)
        extensions.add(0, new io.siotls.extensions.UnknownExtension(0xfe00, new byte[63_500]));
        List<Integer> suites = new ArrayList<>();
        for (int unknown = 0xfe00; unknown < 0xfe00 + 400; unknown++) {
            suites.add(unknown);
        }
        suites.addAll(hello.cipherSuites());
        byte[] bigHello = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                suites, hello.legacyCompressionMethods(), ExtensionBlock.of(extensions)).toBytes();
        assertThat(bigHello.length - 4).isGreaterThan(Limits.DEFAULTS.maxHandshakeMessageLength());

        server.receiveData(Records.plaintext(io.siotls.iana.ContentType.HANDSHAKE,
                java.util.Arrays.copyOfRange(bigHello, 0, 16_384)));
        for (int offset = 16_384; offset < bigHello.length; offset += 16_384) {
            server.receiveData(Records.plaintext(io.siotls.iana.ContentType.HANDSHAKE,
                    java.util.Arrays.copyOfRange(bigHello, offset, Math.min(bigHello.length, offset + 16_384))));
        }
        assertThat(server.dataToSend()[0]).as("a ServerHello, not an alert").isEqualTo((byte) 22);
    }
}
