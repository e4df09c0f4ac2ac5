package io.siotls.connection;

import io.siotls.TLSConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.ClientHello;
import io.siotls.testing.PssSalt;
import io.siotls.testing.ReplayedEntropy;
import io.siotls.testing.Rfc8448;
import io.siotls.trust.TrustStores;
import io.siotls.wire.TLSReader;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §7 (Compatibility Mode, RFC 8446 Appendix D.4), byte for byte on both sides: the
 * client sends a 32-byte legacy_session_id, the server echoes it and sends change_cipher_spec
 * right after its ServerHello, the client sends change_cipher_spec before its Finished.
 */
class Rfc8448CompatibilityModeTest {

    private static final Rfc8448 TRACE = Rfc8448.section("compatibility-mode.txt");
    private static final Clock WHEN = Clock.fixed(Instant.parse("2018-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final List<CipherSuite> SUITES = List.of(CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384);

    @Test
    void serverSendsServerHelloChangeCipherSpecAndFlightByteForByte() throws Exception {
        byte[] salt = PssSalt.recover((RSAPublicKey) Rfc8448.serverRsaCertificate().getPublicKey(),
                TRACE.value("certificate_verify_signature"), "SHA-256", 32);
        TLSConfiguration config = TLSConfiguration.server().alwaysSendSupportedGroups(true)
                .privateKey(Rfc8448.serverRsaPrivateKey())
                .certificateChain(Rfc8448.serverRsaCertificate())
                .cipherSuites(SUITES)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1,
                        NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096, NamedGroup.FFDHE6144,
                        NamedGroup.FFDHE8192)
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
        assertThat(server.isConnected()).isTrue();
        assertThat(server.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519);
        assertThat(server.nconfig().signatureAlgorithm()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(server.nconfig().serverName()).isEqualTo("server");
    }

    @Test
    void clientSendsHelloChangeCipherSpecAndFinishedByteForByte() {
        byte[] helloRecord = TRACE.value("client_hello_record");
        ClientHello traced = ClientHello.parse(new TLSReader(helloRecord, 9, helloRecord.length - 9));
        ClientHello[] built = new ClientHello[1];
        TLSConfiguration config = TLSConfiguration.client()
                .truststore(TrustStores.fromCertificates(List.of(Rfc8448.serverRsaCertificate())))
                .cipherSuites(SUITES)
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

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
