package io.siotls.connection;

import static io.siotls.testing.Rfc8448Replay.SUITES;
import static io.siotls.testing.Rfc8448Replay.WHEN;
import static io.siotls.testing.Rfc8448Replay.clientHello;
import static io.siotls.testing.Rfc8448Replay.concat;
import static io.siotls.testing.Rfc8448Replay.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.alerts.DecryptError;
import io.siotls.extensions.Extension;
import io.siotls.extensions.SupportedGroupsExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EncryptedExtensions;
import io.siotls.testing.PssSalt;
import io.siotls.testing.ReplayedEntropy;
import io.siotls.testing.Rfc8448;
import io.siotls.testing.Rfc8448Flight;
import io.siotls.trust.TrustStores;
import io.siotls.wire.TLSReader;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §5 (HelloRetryRequest): the client offers an X25519 share, the server asks for
 * P-256 with a HelloRetryRequest carrying a cookie, the client retries.
 *
 * <p>Client side, byte for byte: both ClientHellos (the trace's, replacing ours through the
 * hello override after checking that ours carry the same random, key share and cookie) and
 * the client's Finished, which covers the whole transcript.
 *
 * <p>Server side, byte for byte: the HelloRetryRequest (cookie injected) and the ServerHello.
 * The encrypted flight cannot be: the trace's server lists X25519 in its supported_groups and
 * still asks for P-256 although the client already sent an X25519 share, while our server
 * takes the first of its groups the client sent a share for and asks for a retry only when
 * there is none. To make it send a HelloRetryRequest at all, its groups must leave X25519
 * out, so its EncryptedExtensions lists {secp256r1, secp384r1} where the trace's lists
 * {secp256r1, secp384r1, x25519}; everything the flight signs and MACs after that differs.
 * The test checks instead that the flight opens under the trace's server handshake key (so
 * CH1, HRR, CH2 and SH hash as in the trace), that the EncryptedExtensions differs from the
 * trace's in exactly that list and that the Certificate equals the trace's; and that the
 * trace's client Finished, which covers the trace's flight, opens under our client handshake
 * key but is refused with decrypt_error.
 */
class Rfc8448HelloRetryRequestTest {

    private static final Rfc8448 TRACE = Rfc8448.section("hello-retry-request.txt");

    @Test
    void clientSendsBothHellosAndItsFinishedByteForByte() {
        ClientHello tracedFirst = clientHello(TRACE.value("client_hello_1_record"));
        ClientHello tracedSecond = clientHello(TRACE.value("client_hello_2_record"));
        List<ClientHello> built = new ArrayList<>();
        TLSConfiguration config = TLSConfiguration.client()
                .truststore(TrustStores.fromCertificates(List.of(Rfc8448.serverRsaCertificate())))
                .cipherSuites(SUITES)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1)
                .build();
        ReplayedEntropy entropy = new ReplayedEntropy(TRACE.value("client_random"))
                .ephemeralKey(NamedGroup.X25519, TRACE.value("client_x25519_private"))
                .ephemeralKey(NamedGroup.SECP256R1, TRACE.value("client_secp256r1_private"));
        TLSConnection client = new TLSConnection(config, null, entropy, WHEN, hello -> {
            built.add(hello);
            return built.size() == 1 ? tracedFirst : tracedSecond;
        });

        client.initiateConnection();
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("client_hello_1_record")));
        client.receiveData(TRACE.value("hello_retry_request_record"));
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("client_hello_2_record")));
        client.receiveData(concat(TRACE.value("server_hello_record"), TRACE.value("server_encrypted_flight_record")));
        assertThat(hex(client.dataToSend())).isEqualTo(hex(TRACE.value("client_finished_record")));

        assertThat(built).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ClientHello ours = built.get(i);
            ClientHello traced = i == 0 ? tracedFirst : tracedSecond;
            assertThat(ours.random()).isEqualTo(traced.random());
            assertThat(ours.legacySessionId()).isEqualTo(traced.legacySessionId());
            assertThat(ours.cipherSuites()).isEqualTo(traced.cipherSuites());
            for (ExtensionType type : List.of(ExtensionType.KEY_SHARE, ExtensionType.SUPPORTED_GROUPS,
                    ExtensionType.SUPPORTED_VERSIONS)) {
                assertThat(ours.extensions().dataOf(type.code())).as(type.ianaName() + " of ClientHello " + (i + 1))
                        .isEqualTo(traced.extensions().dataOf(type.code()));
            }
        }
        assertThat(built.get(0).extensions().contains(ExtensionType.COOKIE)).isFalse();
        assertThat(built.get(1).extensions().dataOf(ExtensionType.COOKIE.code()))
                .isEqualTo(tracedSecond.extensions().dataOf(ExtensionType.COOKIE.code()));

        assertThat(client.isConnected()).isTrue();
        assertThat(client.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP256R1);
        assertThat(client.nconfig().peerSignatureAlgorithm()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertThat(client.nconfig().peerCertificateChain()).containsExactly(Rfc8448.serverRsaCertificate());
    }

    @Test
    void serverSendsTheRetryAndServerHelloByteForByteAndAFlightUnderTheTracesKeys() throws Exception {
        byte[] salt = PssSalt.recover((RSAPublicKey) Rfc8448.serverRsaCertificate().getPublicKey(),
                TRACE.value("certificate_verify_signature"), "SHA-256", 32);
        TLSConfiguration config = TLSConfiguration.server().alwaysSendSupportedGroups(true).helloRetryCookie(true)
                .privateKey(Rfc8448.serverRsaPrivateKey())
                .certificateChain(Rfc8448.serverRsaCertificate())
                .cipherSuites(SUITES)
                .keyExchanges(NamedGroup.SECP256R1, NamedGroup.SECP384R1)
                .build();
        ReplayedEntropy entropy = new ReplayedEntropy(TRACE.value("server_random"))
                .ephemeralKey(NamedGroup.SECP256R1, TRACE.value("server_secp256r1_private"))
                .helloRetryCookie(TRACE.value("hello_retry_request_cookie"))
                .signingBytes(salt);
        TLSConnection server = new TLSConnection(config, null, entropy, WHEN, hello -> hello);

        server.initiateConnection();
        server.receiveData(TRACE.value("client_hello_1_record"));
        assertThat(hex(server.dataToSend())).isEqualTo(hex(TRACE.value("hello_retry_request_record")));
        server.receiveData(TRACE.value("client_hello_2_record"));
        byte[] output = server.dataToSend();
        byte[] serverHello = TRACE.value("server_hello_record");
        assertThat(hex(Arrays.copyOf(output, serverHello.length))).isEqualTo(hex(serverHello));

        byte[] flight = Arrays.copyOfRange(output, serverHello.length, output.length);
        byte[] key = TRACE.value("server_handshake_key");
        byte[] iv = TRACE.value("server_handshake_iv");
        List<byte[]> ours = Rfc8448Flight.open(flight, key, iv, 0);
        List<byte[]> traced = Rfc8448Flight.open(TRACE.value("server_encrypted_flight_record"), key, iv, 0);
        assertThat(ours).hasSize(4);
        assertThat(traced).hasSize(4);
        assertThat(ours.get(0)).isNotEqualTo(traced.get(0));
        List<Extension> ourExtensions = encryptedExtensions(ours.get(0));
        List<Extension> tracedExtensions = encryptedExtensions(traced.get(0));
        assertThat(ourExtensions).extracting(Extension::typeCode)
                .containsExactlyElementsOf(tracedExtensions.stream().map(Extension::typeCode).toList());
        assertThat(ourExtensions.get(0)).isEqualTo(new SupportedGroupsExtension(
                List.of(NamedGroup.SECP256R1.code(), NamedGroup.SECP384R1.code())));
        assertThat(tracedExtensions.get(0)).isEqualTo(new SupportedGroupsExtension(
                List.of(NamedGroup.SECP256R1.code(), NamedGroup.SECP384R1.code(), NamedGroup.X25519.code())));
        assertThat(ourExtensions.subList(1, ourExtensions.size()))
                .isEqualTo(tracedExtensions.subList(1, tracedExtensions.size()));
        assertThat(hex(ours.get(1))).isEqualTo(hex(traced.get(1)));
        assertThat(Arrays.copyOf(ours.get(2), 6)).isEqualTo(Arrays.copyOf(traced.get(2), 6));

        assertThatThrownBy(() -> server.receiveData(TRACE.value("client_finished_record")))
                .isInstanceOf(DecryptError.class)
                .hasMessageContaining("Finished");
        assertThat(server.isConnected()).isFalse();
    }

    private static List<Extension> encryptedExtensions(byte[] message) {
        return EncryptedExtensions.parse(new TLSReader(message, 4, message.length - 4)).extensions().list();
    }
}
