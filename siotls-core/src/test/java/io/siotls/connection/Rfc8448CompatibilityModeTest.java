package io.siotls.connection;

import io.siotls.TLSConfiguration;

import static io.siotls.testing.Rfc8448Replay.CLIENT_GROUPS;
import static io.siotls.testing.Rfc8448Replay.SUITES;
import static io.siotls.testing.Rfc8448Replay.WHEN;
import static io.siotls.testing.Rfc8448Replay.assertServerConnectedAsTraced;
import static io.siotls.testing.Rfc8448Replay.clientHello;
import static io.siotls.testing.Rfc8448Replay.concat;
import static io.siotls.testing.Rfc8448Replay.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.ClientHello;
import io.siotls.testing.PssSalt;
import io.siotls.testing.ReplayedEntropy;
import io.siotls.testing.Rfc8448;
import io.siotls.trust.TrustStores;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §7 (Compatibility Mode, RFC 8446 Appendix D.4), byte for byte on both sides: the
 * client sends a 32-byte legacy_session_id, the server echoes it and sends change_cipher_spec
 * right after its ServerHello, the client sends change_cipher_spec before its Finished.
 */
class Rfc8448CompatibilityModeTest {

    private static final Rfc8448 TRACE = Rfc8448.section("compatibility-mode.txt");

    @Test
    void serverSendsServerHelloChangeCipherSpecAndFlightByteForByte() throws Exception {
        byte[] salt = PssSalt.recover((RSAPublicKey) Rfc8448.serverRsaCertificate().getPublicKey(),
                TRACE.value("certificate_verify_signature"), "SHA-256", 32);
        TLSConfiguration config = TLSConfiguration.server().alwaysSendSupportedGroups(true)
                .privateKey(Rfc8448.serverRsaPrivateKey())
                .certificateChain(Rfc8448.serverRsaCertificate())
                .cipherSuites(SUITES)
                .keyExchanges(CLIENT_GROUPS)
                .build();
        ReplayedEntropy entropy = new ReplayedEntropy(TRACE.value("server_random"))
                .ephemeralKey(NamedGroup.X25519, TRACE.value("server_x25519_private"))
                .signingBytes(salt);
        TLSConnection server = new TLSConnection(config, null, entropy, WHEN, hello -> hello);

        server.initiateConnection();
        server.receiveData(TRACE.value("client_hello_record"));
        assertThat(hex(server.dataToSend())).isEqualTo(hex(TRACE.value("server_hello_record"))
                + hex(TRACE.value("server_change_cipher_spec_record")) + hex(TRACE.value("server_encrypted_flight_record")));

        server.receiveData(concat(TRACE.value("client_change_cipher_spec_record"), TRACE.value("client_finished_record")));
        assertServerConnectedAsTraced(server);
    }

    @Test
    void clientSendsHelloChangeCipherSpecAndFinishedByteForByte() {
        byte[] helloRecord = TRACE.value("client_hello_record");
        ClientHello traced = clientHello(helloRecord);
        ClientHello[] built = new ClientHello[1];
        TLSConfiguration config = TLSConfiguration.client()
                .truststore(TrustStores.fromCertificates(List.of(Rfc8448.serverRsaCertificate())))
                .cipherSuites(SUITES)
                .keyExchanges(CLIENT_GROUPS)
                .build();
        ReplayedEntropy entropy = new ReplayedEntropy(TRACE.value("client_random"))
                .legacySessionId(TRACE.value("legacy_session_id"))
                .ephemeralKey(NamedGroup.X25519, TRACE.value("client_x25519_private"));
        TLSConnection client = new TLSConnection(config, null, entropy, WHEN, hello -> {
            built[0] = hello;
            return traced;
        });

        client.initiateConnection();
        assertThat(hex(client.dataToSend())).isEqualTo(hex(helloRecord));
        assertThat(built[0].legacySessionId()).isEqualTo(TRACE.value("legacy_session_id"));
        assertThat(built[0].random()).isEqualTo(traced.random());
        assertThat(built[0].extensions().dataOf(ExtensionType.KEY_SHARE.code()))
                .isEqualTo(traced.extensions().dataOf(ExtensionType.KEY_SHARE.code()));

        client.receiveData(concat(TRACE.value("server_hello_record"), TRACE.value("server_change_cipher_spec_record")));
        client.receiveData(TRACE.value("server_encrypted_flight_record"));
        assertThat(hex(client.dataToSend()))
                .isEqualTo(hex(TRACE.value("client_change_cipher_spec_record")) + hex(TRACE.value("client_finished_record")));
        assertThat(client.isConnected()).isTrue();
        assertThat(client.nconfig().peerCertificateChain()).containsExactly(Rfc8448.serverRsaCertificate());
        assertThat(client.nconfig().peerSignatureAlgorithm()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
    }
}
