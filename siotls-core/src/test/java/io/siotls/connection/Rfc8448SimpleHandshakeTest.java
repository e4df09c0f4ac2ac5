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

import io.siotls.crypto.CryptoProvider;
import io.siotls.crypto.KeyExchange;
import io.siotls.crypto.KeyExchangeKeyPair;
import io.siotls.crypto.ServerKeyShare;
import io.siotls.handshake.Entropy;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.ClientHello;
import io.siotls.messages.NewSessionTicket;
import io.siotls.testing.PssSalt;
import io.siotls.testing.Rfc8448;
import io.siotls.trust.TrustStores;
import io.siotls.wire.TLSReader;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §3, byte for byte: the server's flight and the client's Finished, with the trace's
 * randoms, ephemeral keys and PSS salt injected; then the server's NewSessionTicket, whose ticket
 * holds the PSK that RFC 8448 §4 resumes with.
 */
class Rfc8448SimpleHandshakeTest {


    /** Entropy that replays the trace: fixed hello random, ephemeral key and signature randomness. */
    private static final class ReplayedEntropy extends Entropy {
        private final byte[] helloRandom;
        private final byte[] ephemeralPrivateKey;

        ReplayedEntropy(byte[] helloRandom, byte[] ephemeralPrivateKey, byte[] signingBytes) {
            super(new FixedBytes(signingBytes));
            this.helloRandom = helloRandom;
            this.ephemeralPrivateKey = ephemeralPrivateKey;
        }

        @Override
        public byte[] helloRandom() {
            return helloRandom.clone();
        }

        @Override
        public byte[] legacySessionId() {
            return new byte[0];
        }

        /** The trace's NewSessionTicket's. */
        @Override
        public long ticketAgeAdd() {
            return 0xfad6aac5L;
        }

        @Override
        public KeyExchangeKeyPair ephemeralKeyPair(KeyExchange exchange) {
            assertThat(exchange.group()).isEqualTo(NamedGroup.X25519);
            return exchange.fromPrivateKey(ephemeralPrivateKey);
        }

        @Override
        public ServerKeyShare serverKeyShare(KeyExchange exchange, byte[] clientShare) {
            KeyExchangeKeyPair own = ephemeralKeyPair(exchange);
            return new ServerKeyShare(own.publicShare(), own.sharedSecret(clientShare));
        }
    }

    /** A SecureRandom that hands out given bytes (here: the trace's PSS salt). */
    private static final class FixedBytes extends SecureRandom {
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] out) {
            assertThat(out.length).isEqualTo(bytes.length);
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }

    private static X509Certificate certificate() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Rfc8448.get("server_certificate")));
    }

    @Test
    void serverSendsTheTracesFlightByteForByte() throws Exception {
        X509Certificate certificate = certificate();
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateKeySpec(
                new BigInteger(1, Rfc8448.get("server_rsa_modulus")),
                new BigInteger(1, Rfc8448.get("server_rsa_private_exponent"))));
        byte[] salt = PssSalt.recover((RSAPublicKey) certificate.getPublicKey(),
                Rfc8448.get("certificate_verify_signature"), "SHA-256", 32);
        TLSConfiguration config = TLSConfiguration.server().alwaysSendSupportedGroups(true)
                .privateKey(key)
                .certificateChain(certificate)
                .cipherSuites(SUITES)
                .keyExchanges(CLIENT_GROUPS)
                .sessionTickets(1)
                .sessionTicketLifetime(Duration.ofSeconds(30))
                .build();
        TLSConnection server = new TLSConnection(config, null,
                new ReplayedEntropy(Rfc8448.get("server_random"), Rfc8448.get("server_x25519_private"), salt),
                WHEN, hello -> hello);

        server.initiateConnection();
        server.receiveData(Rfc8448.get("client_hello_record"));

        assertThat(hex(server.dataToSend()))
                .isEqualTo(hex(Rfc8448.get("server_hello_record")) + hex(Rfc8448.get("server_encrypted_flight_record")));
        server.receiveData(Rfc8448.get("client_finished_record"));
        assertServerConnectedAsTraced(server);

        byte[] message = firstApplicationRecord(server.dataToSend(), Rfc8448.get("server_application_key"),
                Rfc8448.get("server_application_iv"));
        assertThat(message[0]).isEqualTo((byte) 4);
        NewSessionTicket ticket = NewSessionTicket.parse(new TLSReader(message, 4, message.length - 4));
        assertThat(ticket.lifetime()).isEqualTo(30);
        assertThat(ticket.ageAdd()).isEqualTo(0xfad6aac5L);
        assertThat(ticket.nonce()).isEqualTo(Rfc8448.section("resumed-0rtt.txt").value("ticket_nonce"));
        assertThat(ticket.extensions().isEmpty()).isTrue();
        byte[] state = config.sessionTicketKeys().open(ticket.ticket(), WHEN.instant());
        assertThat(hex(state)).contains(hex(Rfc8448.section("resumed-0rtt.txt").value("resumption_psk")));
    }

    /**
     * The plaintext of the first record of {@code records}, protected with the first sequence
     * number of {@code key} and {@code iv} (RFC 8446 §5.2-5.3), without its content type.
     */
    private static byte[] firstApplicationRecord(byte[] records, byte[] key, byte[] iv) throws Exception {
        int length = (records[3] & 0xff) << 8 | (records[4] & 0xff);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(records, 0, 5);
        byte[] inner = gcm.doFinal(records, 5, length);
        int end = inner.length - 1;
        while (inner[end] == 0) {
            end--;
        }
        assertThat(inner[end]).isEqualTo((byte) 22);
        return Arrays.copyOf(inner, end);
    }

    @Test
    void clientSendsTheTracesHelloAndFinishedByteForByte() throws Exception {
        X509Certificate certificate = certificate();
        byte[] helloRecord = Rfc8448.get("client_hello_record");
        ClientHello tracedHello = clientHello(helloRecord);
        TLSConfiguration config = TLSConfiguration.client()
                .truststore(TrustStores.fromCertificates(List.of(certificate)))
                .cipherSuites(SUITES)
                .keyExchanges(CLIENT_GROUPS)
                .build();
        TLSConnection client = new TLSConnection(config, null,
                new ReplayedEntropy(Rfc8448.get("client_random"), Rfc8448.get("client_x25519_private"), new byte[0]),
                WHEN, built -> tracedHello);

        client.initiateConnection();
        assertThat(hex(client.dataToSend())).isEqualTo(hex(helloRecord));
        byte[] serverFlight = concat(Rfc8448.get("server_hello_record"), Rfc8448.get("server_encrypted_flight_record"));
        client.receiveData(serverFlight);

        assertThat(hex(client.dataToSend())).isEqualTo(hex(Rfc8448.get("client_finished_record")));
        assertThat(client.isConnected()).isTrue();
        assertThat(client.nconfig().peerCertificateChain()).containsExactly(certificate);
        assertThat(client.nconfig().peerSignatureAlgorithm()).isEqualTo(SignatureScheme.RSA_PSS_RSAE_SHA256);
    }

    @Test
    void theTracesEphemeralKeysGiveItsSharedSecret() {
        KeyExchange x25519 = CryptoProvider.getDefault().keyExchange(NamedGroup.X25519);
        KeyExchangeKeyPair client = x25519.fromPrivateKey(Rfc8448.get("client_x25519_private"));
        KeyExchangeKeyPair server = x25519.fromPrivateKey(Rfc8448.get("server_x25519_private"));
        assertThat(client.sharedSecret(server.publicShare())).isEqualTo(Rfc8448.get("ecdhe_shared_secret"));
        assertThat(server.sharedSecret(client.publicShare())).isEqualTo(Rfc8448.get("ecdhe_shared_secret"));
    }
}
