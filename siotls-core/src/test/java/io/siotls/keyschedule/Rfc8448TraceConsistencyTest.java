package io.siotls.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Rfc8448;
import io.siotls.testing.Rfc8448Flight;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the RFC 8448 §5, §6 and §7 resource files against themselves: the ephemeral
 * private keys give the published shares, the shared secret and the transcript of the records
 * give the published secrets and traffic keys, those keys open the published protected records
 * into the published messages, and the published Finished and CertificateVerify values verify.
 * A mistyped byte anywhere in a file fails here before it can mislead the handshake tests.
 */
class Rfc8448TraceConsistencyTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;

    @Test
    void helloRetryRequestTraceIsConsistent() {
        Rfc8448 trace = Rfc8448.section("hello-retry-request.txt");
        assertThat(share(NamedGroup.X25519, trace.value("client_x25519_private"))).isEqualTo(trace.value("client_x25519_public"));
        assertThat(share(NamedGroup.SECP256R1, trace.value("client_secp256r1_private")))
                .isEqualTo(trace.value("client_secp256r1_public"));
        assertThat(share(NamedGroup.SECP256R1, trace.value("server_secp256r1_private")))
                .isEqualTo(trace.value("server_secp256r1_public"));
        byte[] shared = CRYPTO.keyExchange(NamedGroup.SECP256R1).fromPrivateKey(trace.value("client_secp256r1_private"))
                .sharedSecret(trace.value("server_secp256r1_public"));

        TranscriptHash transcript = new TranscriptHash();
        transcript.selectHash(CRYPTO, SUITE.hashAlgorithm());
        transcript.update(message(trace.value("client_hello_1_record")));
        transcript.replaceWithMessageHash();
        transcript.update(message(trace.value("hello_retry_request_record")));
        transcript.update(message(trace.value("client_hello_2_record")));
        transcript.update(message(trace.value("server_hello_record")));
        assertThat(transcript.current()).isEqualTo(trace.value("hello_transcript_hash"));

        checkSchedule(trace, shared, transcript, Rfc8448.serverRsaCertificate().getPublicKey(), null);
    }

    @Test
    void clientAuthenticationTraceIsConsistent() {
        Rfc8448 trace = Rfc8448.section("client-authentication.txt");
        byte[] shared = x25519Shared(trace);
        TranscriptHash transcript = helloTranscript(trace);
        checkSchedule(trace, shared, transcript, trace.certificate("server_certificate").getPublicKey(),
                trace.certificate("client_certificate").getPublicKey());
    }

    @Test
    void compatibilityModeTraceIsConsistent() {
        Rfc8448 trace = Rfc8448.section("compatibility-mode.txt");
        assertThat(trace.value("server_change_cipher_spec_record")).containsExactly(0x14, 0x03, 0x03, 0x00, 0x01, 0x01);
        assertThat(trace.value("client_change_cipher_spec_record")).containsExactly(0x14, 0x03, 0x03, 0x00, 0x01, 0x01);
        byte[] hello = message(trace.value("client_hello_record"));
        assertThat(Arrays.copyOfRange(hello, 39, 71)).isEqualTo(trace.value("legacy_session_id"));
        byte[] shared = x25519Shared(trace);
        checkSchedule(trace, shared, helloTranscript(trace), Rfc8448.serverRsaCertificate().getPublicKey(), null);
    }

    private static byte[] x25519Shared(Rfc8448 trace) {
        assertThat(share(NamedGroup.X25519, trace.value("client_x25519_private"))).isEqualTo(trace.value("client_x25519_public"));
        assertThat(share(NamedGroup.X25519, trace.value("server_x25519_private"))).isEqualTo(trace.value("server_x25519_public"));
        return CRYPTO.keyExchange(NamedGroup.X25519).fromPrivateKey(trace.value("client_x25519_private"))
                .sharedSecret(trace.value("server_x25519_public"));
    }

    private static TranscriptHash helloTranscript(Rfc8448 trace) {
        TranscriptHash transcript = new TranscriptHash();
        transcript.selectHash(CRYPTO, SUITE.hashAlgorithm());
        transcript.update(message(trace.value("client_hello_record")));
        transcript.update(message(trace.value("server_hello_record")));
        return transcript;
    }

    /**
     * From the transcript through ServerHello on: secrets, keys, both protected flights, the
     * server's Finished and the CertificateVerify signatures.
     */
    private static void checkSchedule(Rfc8448 trace, byte[] shared, TranscriptHash transcript, PublicKey serverKey,
            PublicKey clientKey) {
        KeySchedule schedule = new KeySchedule(CRYPTO, SUITE);
        EarlySecret early = schedule.earlySecretWithoutPsk();
        assertThat(early.raw()).isEqualTo(trace.value("early_secret"));
        HandshakeSecret handshake = early.handshakeSecret(shared);
        assertThat(handshake.raw()).isEqualTo(trace.value("handshake_secret"));
        TrafficSecrets handshakeTraffic = handshake.trafficSecrets(transcript.current());
        byte[] clientHandshake = handshakeTraffic.client();
        byte[] serverHandshake = handshakeTraffic.server();
        assertThat(clientHandshake).isEqualTo(trace.value("client_handshake_traffic_secret"));
        assertThat(serverHandshake).isEqualTo(trace.value("server_handshake_traffic_secret"));
        assertThat(schedule.trafficKeys(serverHandshake).key()).isEqualTo(trace.value("server_handshake_key"));
        assertThat(schedule.trafficKeys(serverHandshake).iv()).isEqualTo(trace.value("server_handshake_iv"));
        assertThat(schedule.trafficKeys(clientHandshake).key()).isEqualTo(trace.value("client_handshake_key"));
        assertThat(schedule.trafficKeys(clientHandshake).iv()).isEqualTo(trace.value("client_handshake_iv"));

        List<byte[]> server = Rfc8448Flight.open(trace.value("server_encrypted_flight_record"),
                trace.value("server_handshake_key"), trace.value("server_handshake_iv"), 0);
        List<byte[]> expected = new ArrayList<>();
        for (String name : List.of("encrypted_extensions", "certificate_request", "server_certificate_message")) {
            if (has(trace, name)) {
                expected.add(trace.value(name));
            }
        }
        assertThat(server.subList(0, expected.size())).containsExactlyElementsOf(expected);
        byte[] certificateVerify = server.get(server.size() - 2);
        byte[] serverFinished = server.get(server.size() - 1);
        for (byte[] message : server.subList(0, server.size() - 2)) {
            transcript.update(message);
        }
        verifySignature(serverKey, certificateVerify, "server", transcript.current(),
                has(trace, "certificate_verify_signature") ? trace.value("certificate_verify_signature")
                        : trace.value("server_certificate_verify_signature"));
        transcript.update(certificateVerify);
        assertThat(serverFinished).isEqualTo(trace.value("server_finished"));
        assertThat(schedule.verifyFinished(serverHandshake, transcript.current(), Arrays.copyOfRange(serverFinished, 4,
                serverFinished.length))).isTrue();
        transcript.update(serverFinished);

        MasterSecret master = handshake.masterSecret();
        if (has(trace, "master_secret")) {
            assertThat(master.raw()).isEqualTo(trace.value("master_secret"));
        }
        byte[] serverFinishedHash = transcript.current();
        TrafficSecrets application = master.applicationTrafficSecrets(serverFinishedHash);
        assertThat(application.client()).isEqualTo(trace.value("client_application_traffic_secret"));
        assertThat(application.server()).isEqualTo(trace.value("server_application_traffic_secret"));
        assertThat(master.exporterMasterSecret(serverFinishedHash)).isEqualTo(trace.value("exporter_master_secret"));

        byte[] clientRecord = has(trace, "client_flight_record") ? trace.value("client_flight_record")
                : trace.value("client_finished_record");
        List<byte[]> client = Rfc8448Flight.open(clientRecord, trace.value("client_handshake_key"),
                trace.value("client_handshake_iv"), 0);
        if (clientKey != null) {
            assertThat(client).hasSize(3);
            byte[] certificate = client.get(0);
            byte[] der = trace.value("client_certificate");
            assertThat(Arrays.copyOfRange(certificate, 11, 11 + der.length)).isEqualTo(der);
            transcript.update(certificate);
            verifySignature(clientKey, client.get(1), "client", transcript.current(),
                    trace.value("client_certificate_verify_signature"));
            transcript.update(client.get(1));
        } else {
            assertThat(client).hasSize(1);
        }
        byte[] clientFinished = client.get(client.size() - 1);
        assertThat(schedule.verifyFinished(clientHandshake, transcript.current(),
                Arrays.copyOfRange(clientFinished, 4, clientFinished.length))).isTrue();
        transcript.update(clientFinished);
        assertThat(master.resumptionMasterSecret(transcript.current())).isEqualTo(trace.value("resumption_master_secret"));
    }

    /** A CertificateVerify message carries {@code signature}, valid over the transcript so far. */
    private static void verifySignature(PublicKey key, byte[] certificateVerify, String side, byte[] transcriptHash,
            byte[] signature) {
        SignatureScheme scheme = SignatureScheme.fromCode((certificateVerify[4] & 0xff) << 8 | (certificateVerify[5] & 0xff));
        assertThat(Arrays.copyOfRange(certificateVerify, 8, certificateVerify.length)).isEqualTo(signature);
        byte[] context = ("TLS 1.3, " + side + " CertificateVerify").getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[64 + context.length + 1 + transcriptHash.length];
        Arrays.fill(content, 0, 64, (byte) 0x20);
        System.arraycopy(context, 0, content, 64, context.length);
        System.arraycopy(transcriptHash, 0, content, 64 + context.length + 1, transcriptHash.length);
        assertThat(CRYPTO.verify(scheme, key, content, signature)).as(side + " CertificateVerify (" + scheme + ")").isTrue();
    }

    private static boolean has(Rfc8448 trace, String name) {
        try {
            trace.value(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] share(NamedGroup group, byte[] privateKey) {
        return CRYPTO.keyExchange(group).fromPrivateKey(privateKey).publicShare();
    }

    /** The handshake message of an unprotected record holding exactly one. */
    private static byte[] message(byte[] record) {
        return Arrays.copyOfRange(record, 5, record.length);
    }
}
