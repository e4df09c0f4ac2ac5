package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ExternalPsk;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.DecryptError;
import io.siotls.alerts.HandshakeFailure;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.PskKeyExchangeModesExtension;
import io.siotls.handshake.Entropy;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.PskKeyExchangeMode;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.ServerFlight;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * External PSKs (RFC 8446 §2.2, §4.2.11) and psk_ke (§4.2.9) between our client and server, in
 * memory, and against hostile or mismatched peers: the binder is checked before the PSK is used,
 * no certificate is sent, and every refusal is the alert the RFC names.
 */
class ExternalPskTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final ExternalPsk PSK = ExternalPsk.of("client-1", KEY);

    private static TLSConfiguration pskOnlyServer(boolean pskKe) {
        return TLSConfiguration.server().externalPsks(ExternalPsk.of("other", new byte[16]), PSK)
                .pskKeWithoutForwardSecrecy(pskKe).build();
    }

    private static TLSConnection client(TLSConfiguration.Builder config) {
        return new TLSConnection(config.build(), "localhost");
    }

    private static TLSConnection server(TLSConfiguration config) {
        return new TLSConnection(config);
    }

    @Test
    void aPskOnlyServerAndItsClientAuthenticateWithThePskAndAnEcdheExchange() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK));
        TLSConnection server = server(pskOnlyServer(false));
        MemoryPipe.handshake(client, server);

        for (TLSConnection side : List.of(client, server)) {
            assertThat(side.nconfig().externalPskIdentity()).asString(StandardCharsets.UTF_8).isEqualTo("client-1");
            assertThat(side.nconfig().keyExchange()).as("psk_dhe_ke").isEqualTo(NamedGroup.X25519MLKEM768);
            assertThat(side.nconfig().peerCertificateChain()).isEmpty();
            assertThat(side.nconfig().signatureAlgorithm()).isNull();
            assertThat(side.nconfig().peerSignatureAlgorithm()).isNull();
            assertThat(side.nconfig().resumed()).isFalse();
        }
        client.sendData("ping".getBytes(StandardCharsets.UTF_8));
        MemoryPipe.transfer(client, server);
        assertThat(new String(server.dataToRead(), StandardCharsets.UTF_8)).isEqualTo("ping");
        assertThat(server.dataToSend()).as("no NewSessionTicket after an external PSK handshake").isEmpty();
    }

    @Test
    void aServerWithACertificateAndPsksStillServesClientsWithoutAPsk() {
        TLSConfiguration serverConfig = Configs.server(IDENTITY).externalPsks(PSK).build();
        TLSConnection plain = client(Configs.clientTrusting(IDENTITY));
        TLSConnection server = server(serverConfig);
        MemoryPipe.handshake(plain, server);
        assertThat(plain.nconfig().externalPskIdentity()).isNull();
        assertThat(plain.nconfig().peerCertificateChain()).containsExactlyElementsOf(IDENTITY.chain());

        TLSConnection withPsk = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK));
        TLSConnection second = server(serverConfig);
        MemoryPipe.handshake(withPsk, second);
        assertThat(withPsk.nconfig().externalPskAuthenticated()).isTrue();
        assertThat(withPsk.nconfig().peerCertificateChain()).as("no Certificate in a PSK handshake").isEmpty();
    }

    @Test
    void anUnknownIdentityGetsAFullHandshakeFromAServerWithACertificate() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(ExternalPsk.of("stranger", KEY)));
        TLSConnection server = server(Configs.server(IDENTITY).externalPsks(PSK).build());
        MemoryPipe.handshake(client, server);
        assertThat(client.nconfig().externalPskIdentity()).isNull();
        assertThat(client.nconfig().peerCertificateChain()).containsExactlyElementsOf(IDENTITY.chain());
    }

    @Test
    void aPskOnlyServerRefusesAClientWithoutItsPskWithHandshakeFailure() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY));
        TLSConnection server = server(pskOnlyServer(false));
        client.initiateConnection();
        server.initiateConnection();
        assertThatThrownBy(() -> server.receiveData(client.dataToSend())).isInstanceOf(HandshakeFailure.class)
                .hasMessageContaining("external PSKs only");
        assertThat(Records.plaintextAlert(server.dataToSend())).isEqualTo(AlertDescription.HANDSHAKE_FAILURE.code());
    }

    @Test
    void aWrongKeyUnderAKnownIdentityIsDecryptError() {
        byte[] wrong = KEY.clone();
        wrong[0] ^= 1;
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(ExternalPsk.of("client-1", wrong)));
        TLSConnection server = server(Configs.server(IDENTITY).externalPsks(PSK).build());
        client.initiateConnection();
        server.initiateConnection();
        assertThatThrownBy(() -> server.receiveData(client.dataToSend())).isInstanceOf(DecryptError.class)
                .hasMessageContaining("binder of external PSK 'client-1'");
        assertThat(Records.plaintextAlert(server.dataToSend())).isEqualTo(AlertDescription.DECRYPT_ERROR.code());
    }

    @Test
    void aBinderOfAnotherLengthIsDecryptError() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY)
                .externalPsks(ExternalPsk.of("client-1".getBytes(StandardCharsets.UTF_8), KEY, "SHA-384")));
        TLSConnection server = server(Configs.server(IDENTITY).externalPsks(PSK).build());
        client.initiateConnection();
        server.initiateConnection();
        assertThatThrownBy(() -> server.receiveData(client.dataToSend())).isInstanceOf(DecryptError.class);
    }

    @Test
    void theServerChoosesASuiteOfThePsksHashOrTheOneItIsBoundTo() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK));
        TLSConnection server = server(Configs.server(IDENTITY).build().toBuilder().externalPsks(PSK).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().cipherSuite()).as("AES-256-GCM-SHA384 comes first, but the PSK is SHA-256")
                .isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(server.nconfig().externalPskAuthenticated()).isTrue();

        TLSConnection chachaClient = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK));
        TLSConnection chachaServer = server(Configs.server(IDENTITY)
                .externalPsks(PSK.withCipherSuite(CipherSuite.TLS_CHACHA20_POLY1305_SHA256)).build());
        MemoryPipe.handshake(chachaClient, chachaServer);
        assertThat(chachaServer.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
        assertThat(chachaServer.nconfig().externalPskAuthenticated()).isTrue();
    }

    @Test
    void aPskWhoseSuiteTheClientDoesNotOfferIsNotSelected() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK)
                .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384));
        TLSConnection server = server(Configs.server(IDENTITY)
                .externalPsks(PSK.withCipherSuite(CipherSuite.TLS_CHACHA20_POLY1305_SHA256)).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().externalPskIdentity()).isNull();
        assertThat(client.nconfig().peerCertificateChain()).containsExactlyElementsOf(IDENTITY.chain());
    }

    @Test
    void theBinderOfTheSecondClientHelloCoversTheHelloRetryRequest() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK));
        TLSConnection server = server(TLSConfiguration.server().externalPsks(PSK).keyExchanges(NamedGroup.SECP256R1)
                .build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().keyExchange()).as("after a HelloRetryRequest").isEqualTo(NamedGroup.SECP256R1);
        assertThat(server.nconfig().externalPskAuthenticated()).isTrue();
        assertThat(client.nconfig().externalPskAuthenticated()).isTrue();
    }

    @Test
    void withPskKeAllowedAServerStillPrefersPskDheKe() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK).pskKeWithoutForwardSecrecy(true));
        TLSConnection server = server(pskOnlyServer(true));
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().externalPskAuthenticated()).isTrue();
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
    }

    @Test
    void aClientOfferingOnlyPskKeWithoutSharesGetsAPskKeHandshakeWhenAllowed() {
        TLSConnection client = pskKeOnlyClient(true);
        TLSConnection server = server(pskOnlyServer(true));
        MemoryPipe.handshake(client, server);
        for (TLSConnection side : List.of(client, server)) {
            assertThat(side.nconfig().keyExchange()).as("psk_ke: no key exchange").isNull();
            assertThat(side.nconfig().externalPskAuthenticated()).isTrue();
        }
        server.sendData("pong".getBytes(StandardCharsets.UTF_8));
        MemoryPipe.transfer(server, client);
        assertThat(new String(client.dataToRead(), StandardCharsets.UTF_8)).isEqualTo("pong");
    }

    @Test
    void aClientOfferingOnlyPskKeWithSharesGetsAFullHandshakeWhenPskKeIsRefused() {
        UnaryOperator<ClientHello> onlyPskKe = hello -> withExtensions(hello, false);
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).externalPsks(PSK)
                .pskKeWithoutForwardSecrecy(true).build(), "localhost", Entropy.secure(), Clock.systemUTC(), onlyPskKe);
        TLSConnection server = server(Configs.server(IDENTITY).externalPsks(PSK).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().externalPskAuthenticated()).isFalse();
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519MLKEM768);
        assertThat(client.nconfig().peerCertificateChain()).containsExactlyElementsOf(IDENTITY.chain());
    }

    @Test
    void aClientOfferingOnlyPskKeWithoutSharesIsRefusedWithHandshakeFailureWhenPskKeIsRefused() {
        TLSConnection client = pskKeOnlyClient(true);
        TLSConnection server = server(Configs.server(IDENTITY).externalPsks(PSK).build());
        client.initiateConnection();
        server.initiateConnection();
        assertThatThrownBy(() -> server.receiveData(client.dataToSend())).isInstanceOf(HandshakeFailure.class)
                .hasMessageContaining("no key exchange group in common");
    }

    @Test
    void aServerHelloWithoutKeyShareIsRefusedByAClientThatOfferedPskDheKeOnly() {
        TLSConnection pskKeClient = pskKeOnlyClient(true);
        pskKeClient.initiateConnection();
        ServerFlight real = ServerFlight.answer(pskOnlyServer(true).toBuilder(), pskKeClient.dataToSend());
        assertThat(real.serverHello().extensions().contains(ExtensionType.KEY_SHARE)).isFalse();

        TLSConnection strict = pskKeOnlyClient(false);
        strict.initiateConnection();
        ServerFlight answer = ServerFlight.answer(pskOnlyServer(true).toBuilder(), strict.dataToSend());
        assertThatThrownBy(() -> strict.receiveData(answer.serverHelloRecord())).isInstanceOf(MissingExtension.class)
                .hasMessageContaining("psk_dhe_ke only");
    }

    @Test
    void aSelectedIdentityOutOfRangeIsIllegalParameter() {
        TLSConnection client = client(Configs.clientTrusting(IDENTITY).externalPsks(PSK));
        client.initiateConnection();
        ServerFlight real = ServerFlight.answer(pskOnlyServer(false).toBuilder(), client.dataToSend());
        String hex = HexFormat.of().formatHex(real.serverHelloRecord());
        assertThat(hex).contains("0029000200");
        byte[] edited = HexFormat.of().parseHex(hex.replaceFirst("0029000200(00)", "002900020001"));
        assertThatThrownBy(() -> client.receiveData(edited)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("selected PSK identity 1");
    }

    /**
     * A client whose ClientHello offers psk_ke only and, with {@code withoutShares}, neither
     * supported_groups nor key_share (as tlsfuzzer's test-tls13-psk_ke.py); its binder is
     * computed after the change. {@code acceptsPskKe}: whether its configuration allows psk_ke.
     */
    private static TLSConnection pskKeOnlyClient(boolean acceptsPskKe) {
        return new TLSConnection(Configs.clientTrusting(IDENTITY).externalPsks(PSK)
                .pskKeWithoutForwardSecrecy(acceptsPskKe).build(), "localhost", Entropy.secure(), Clock.systemUTC(),
                hello -> withExtensions(hello, true));
    }

    private static ClientHello withExtensions(ClientHello hello, boolean withoutShares) {
        List<Extension> extensions = new ArrayList<>();
        for (Extension extension : hello.extensions().list()) {
            int type = extension.typeCode();
            if (type == ExtensionType.PSK_KEY_EXCHANGE_MODES.code()) {
                extensions.add(new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.PSK_KE.code())));
            } else if (!withoutShares || (type != ExtensionType.KEY_SHARE.code()
                    && type != ExtensionType.SUPPORTED_GROUPS.code())) {
                extensions.add(extension);
            }
        }
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), ExtensionBlock.of(extensions));
    }
}
