package io.siotls.connection;

import io.siotls.TLSConfiguration;
import io.siotls.ClientAuthentication;

import static io.siotls.testing.Rfc8448Replay.CLIENT_GROUPS;
import static io.siotls.testing.Rfc8448Replay.SUITES;
import static io.siotls.testing.Rfc8448Replay.WHEN;
import static io.siotls.testing.Rfc8448Replay.clientHello;
import static io.siotls.testing.Rfc8448Replay.concat;
import static io.siotls.testing.Rfc8448Replay.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.DecryptError;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.CertificateRequest;
import io.siotls.messages.ClientHello;
import io.siotls.testing.ReplayedEntropy;
import io.siotls.testing.ReplayedSignatures;
import io.siotls.testing.Rfc8448;
import io.siotls.testing.Rfc8448Flight;
import io.siotls.trust.TrustStores;
import io.siotls.wire.TLSReader;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §6 (Client Authentication): the server, with an ECDSA P-256 certificate, requests
 * a certificate; the client answers with an RSA certificate, CertificateVerify and Finished.
 * RFC 8448 publishes neither of these two private keys, only the signatures made with them.
 *
 * <p>Client side, byte for byte: the ClientHello (the trace's, replacing ours through the hello
 * override after checking ours carries the same random and key share) and the client's whole
 * second flight, Certificate, CertificateVerify and Finished in one record. The client's
 * signature comes from {@link ReplayedSignatures}: it hands out the RFC's published signature
 * only if that signature verifies, under the client certificate's key, over exactly the
 * content our engine asks to sign, so the flight matching the trace proves our transcript.
 *
 * <p>Server side, only the ServerHello is byte for byte. The trace's CertificateRequest lists
 * ecdsa_sha1, rsa_pkcs1_*, and dsa_* schemes in signature_algorithms, which TLS 1.3 forbids in
 * CertificateVerify and which our configuration validation therefore refuses for
 * signature_algorithms; our server also adds certificate_authorities (from its trust store).
 * And the server's ECDSA key is not published: even a replayed signature would not cover our
 * transcript, which differs from the CertificateRequest on. The server here authenticates
 * with the RFC's RSA key instead. The test checks that its flight opens under the trace's
 * server handshake key and starts with the trace's EncryptedExtensions, byte for byte, then
 * a CertificateRequest that differs as described; and that the trace's client flight opens
 * under our client handshake key, that its certificate is accepted, and that its
 * CertificateVerify, which signs the trace's transcript and not ours, is refused with
 * decrypt_error.
 */
class Rfc8448ClientAuthenticationTest {

    private static final Rfc8448 TRACE = Rfc8448.section("client-authentication.txt");

    @Test
    void clientSendsItsHelloAndCertificateFlightByteForByte() {
        X509Certificate serverCertificate = TRACE.certificate("server_certificate");
        X509Certificate clientCertificate = TRACE.certificate("client_certificate");
        byte[] helloRecord = TRACE.value("client_hello_record");
        ClientHello traced = clientHello(helloRecord);
        ClientHello[] built = new ClientHello[1];
        ReplayedSignatures signatures = new ReplayedSignatures(clientCertificate.getPublicKey(),
                TRACE.value("client_certificate_verify_signature"));
        TLSConfiguration config = TLSConfiguration.client()
                .crypto(signatures)
                .truststore(TrustStores.fromCertificates(List.of(serverCertificate)))
                .cipherSuites(SUITES)
                .keyExchanges(CLIENT_GROUPS)
                .privateKey(signatures.privateKey())
                .certificateChain(clientCertificate)
                .build();
        ReplayedEntropy entropy = new ReplayedEntropy(TRACE.value("client_random"))
                .ephemeralKey(NamedGroup.X25519, TRACE.value("client_x25519_private"))
                .freshSigningRandomness();
        TLSConnection client = new TLSConnection(config, null, entropy, WHEN, hello -> {
            built[0] = hello;
            return traced;
        });

        client.initiateConnection();
        assertThat(hex(client.dataToSend())).isEqualTo(hex(helloRecord));
        assertThat(built[0].random()).isEqualTo(traced.random());
        assertThat(built[0].extensions().dataOf(ExtensionType.KEY_SHARE.code()))
                .isEqualTo(traced.extensions().dataOf(ExtensionType.KEY_SHARE.code()));

        client.receiveData(concat(TRACE.value("server_hello_record"), TRACE.value("server_encrypted_flight_record")));
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("client_flight_record")));
        assertThat(signatures.replayed()).isEqualTo(1);

        assertThat(client.isConnected()).isTrue();
        assertThat(client.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519);
        assertThat(client.nconfig().peerCertificateChain()).containsExactly(serverCertificate);
        assertThat(client.nconfig().peerSignatureAlgorithm()).isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertThat(client.nconfig().signatureAlgorithm()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
    }

    @Test
    void serverSendsTheServerHelloByteForByteAndRefusesTheTracesClientSignature() {
        X509Certificate clientCertificate = TRACE.certificate("client_certificate");
        TLSConfiguration config = TLSConfiguration.server().alwaysSendSupportedGroups(true)
                .privateKey(Rfc8448.serverRsaPrivateKey())
                .certificateChain(Rfc8448.serverRsaCertificate())
                .cipherSuites(SUITES)
                .keyExchanges(CLIENT_GROUPS)
                .truststore(TrustStores.fromCertificates(List.of(clientCertificate)))
                .clientAuthentication(ClientAuthentication.REQUIRED)
                .build();
        ReplayedEntropy entropy = new ReplayedEntropy(TRACE.value("server_random"))
                .ephemeralKey(NamedGroup.X25519, TRACE.value("server_x25519_private"))
                .freshSigningRandomness();
        TLSConnection server = new TLSConnection(config, null, entropy, WHEN, hello -> hello);

        server.initiateConnection();
        server.receiveData(TRACE.value("client_hello_record"));
        byte[] output = server.dataToSend();
        byte[] serverHello = TRACE.value("server_hello_record");
        assertThat(hex(Arrays.copyOf(output, serverHello.length))).isEqualTo(hex(serverHello));

        List<byte[]> flight = Rfc8448Flight.open(Arrays.copyOfRange(output, serverHello.length, output.length),
                TRACE.value("server_handshake_key"), TRACE.value("server_handshake_iv"), 0);
        assertThat(flight).hasSize(5);
        assertThat(hex(flight.get(0))).isEqualTo(hex(TRACE.value("encrypted_extensions")));
        CertificateRequest ours = certificateRequest(flight.get(1));
        CertificateRequest traced = certificateRequest(TRACE.value("certificate_request"));
        assertThat(ours.requestContext()).isEmpty();
        assertThat(traced.requestContext()).isEmpty();
        assertThat(schemes(ours)).isEqualTo(config.signatureAlgorithms().stream().map(SignatureScheme::code).toList());
        assertThat(schemes(traced)).filteredOn(code -> !allowedInCertificateVerify(code))
                .containsExactly(0x0203, 0x0401, 0x0501, 0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202);
        assertThat(schemes(ours)).containsAll(schemes(traced).stream()
                .filter(Rfc8448ClientAuthenticationTest::allowedInCertificateVerify).toList());
        assertThatThrownBy(() -> TLSConfiguration.server()
                .privateKey(Rfc8448.serverRsaPrivateKey())
                .certificateChain(Rfc8448.serverRsaCertificate())
                .signatureAlgorithms(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PKCS1_SHA256)
                .build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("rsa_pkcs1_sha256");
        assertThat(ours.extensions().contains(ExtensionType.CERTIFICATE_AUTHORITIES)).isTrue();
        assertThat(traced.extensions().contains(ExtensionType.CERTIFICATE_AUTHORITIES)).isFalse();

        assertThatThrownBy(() -> server.receiveData(TRACE.value("client_flight_record")))
                .isInstanceOf(DecryptError.class)
                .hasMessageContaining("CertificateVerify");
        assertThat(server.isConnected()).isFalse();
    }

    private static boolean allowedInCertificateVerify(int code) {
        SignatureScheme scheme = SignatureScheme.fromCode(code);
        return scheme != null && scheme.allowedInCertificateVerify();
    }

    private static CertificateRequest certificateRequest(byte[] message) {
        return CertificateRequest.parse(new TLSReader(message, 4, message.length - 4));
    }

    private static List<Integer> schemes(CertificateRequest request) {
        return request.extensions().get(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithmsExtension.class).schemes();
    }
}
