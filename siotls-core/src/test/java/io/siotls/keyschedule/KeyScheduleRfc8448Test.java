package io.siotls.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.testing.Hex;
import io.siotls.testing.Rfc8448;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The key schedule against RFC 8448 §3 (Simple 1-RTT Handshake, TLS_AES_128_GCM_SHA256, x25519),
 * walked by phase (RFC 8446 §7.1); the phases' consumption is {@link KeySchedulePhasesTest}'s.
 */
class KeyScheduleRfc8448Test {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;
    private static final int RECORD_HEADER = 5;
    private static final byte HANDSHAKE = 0x16;

    private final KeySchedule schedule = new KeySchedule(CRYPTO, SUITE);

    /** The Handshake Secret of the trace's x25519 shared secret. */
    static HandshakeSecret handshakeSecret(KeySchedule schedule) {
        return schedule.earlySecretWithoutPsk().handshakeSecret(Rfc8448.get("ecdhe_shared_secret"));
    }

    @Test
    void earlySecretWithoutPsk() {
        assertThat(schedule.earlySecretWithoutPsk().raw()).isEqualTo(Rfc8448.get("early_secret"));
    }

    @Test
    void handshakeSecretFromTheX25519SharedSecret() {
        assertThat(handshakeSecret(schedule).raw()).isEqualTo(Rfc8448.get("handshake_secret"));
    }

    @Test
    void handshakeTrafficSecrets() {
        TrafficSecrets secrets = handshakeSecret(schedule).trafficSecrets(Rfc8448.get("hello_transcript_hash"));

        assertThat(secrets.client()).isEqualTo(Rfc8448.get("client_handshake_traffic_secret"));
        assertThat(secrets.server()).isEqualTo(Rfc8448.get("server_handshake_traffic_secret"));
    }

    @Test
    void masterSecret() {
        assertThat(handshakeSecret(schedule).masterSecret().raw()).isEqualTo(Rfc8448.get("master_secret"));
    }

    @Test
    void applicationTrafficAndExporterSecrets() {
        byte[] serverFinishedHash = Rfc8448.get("server_finished_transcript_hash");
        MasterSecret master = handshakeSecret(schedule).masterSecret();

        TrafficSecrets secrets = master.applicationTrafficSecrets(serverFinishedHash);

        assertThat(secrets.client()).isEqualTo(Rfc8448.get("client_application_traffic_secret"));
        assertThat(secrets.server()).isEqualTo(Rfc8448.get("server_application_traffic_secret"));
        assertThat(master.exporterMasterSecret(serverFinishedHash)).isEqualTo(Rfc8448.get("exporter_master_secret"));
    }

    @Test
    void resumptionMasterSecret() {
        assertThat(handshakeSecret(schedule).masterSecret()
                .resumptionMasterSecret(Rfc8448.get("client_finished_transcript_hash")))
                .isEqualTo(Rfc8448.get("resumption_master_secret"));
    }

    @Test
    void trafficKeysOfAllFourSecrets() {
        for (String secret : List.of("server_handshake", "client_handshake", "server_application", "client_application")) {
            TrafficKeys keys = schedule.trafficKeys(Rfc8448.get(secret + "_traffic_secret"));

            assertThat(keys.key()).as(secret + " key").isEqualTo(Rfc8448.get(secret + "_key"));
            assertThat(keys.iv()).as(secret + " iv").isEqualTo(Rfc8448.get(secret + "_iv"));
        }
    }

    @Test
    void transcriptOfTheRealMessagesGivesTheTracesHashes() {
        Flight flight = Flight.decrypt();

        assertThat(flight.helloHash()).isEqualTo(Rfc8448.get("hello_transcript_hash"));
        assertThat(flight.serverFinishedHash()).isEqualTo(Rfc8448.get("server_finished_transcript_hash"));
        assertThat(flight.clientFinishedHash()).isEqualTo(Rfc8448.get("client_finished_transcript_hash"));
    }

    @Test
    void serverFinishedVerifyDataIsTheTraces() {
        Flight flight = Flight.decrypt();

        byte[] verifyData = schedule.finishedVerifyData(Rfc8448.get("server_handshake_traffic_secret"),
                flight.hashBeforeServerFinished());

        assertThat(verifyData).isEqualTo(flight.serverFinishedVerifyData());
    }

    @Test
    void clientFinishedVerifyDataIsTheTraces() {
        Flight flight = Flight.decrypt();

        byte[] verifyData = schedule.finishedVerifyData(Rfc8448.get("client_handshake_traffic_secret"),
                flight.serverFinishedHash());

        assertThat(verifyData).isEqualTo(flight.clientFinishedVerifyData());
    }

    @Test
    void verifyFinishedAcceptsTheRightDataAndRejectsAFlippedBit() {
        Flight flight = Flight.decrypt();
        byte[] secret = Rfc8448.get("server_handshake_traffic_secret");
        byte[] hash = flight.hashBeforeServerFinished();
        byte[] received = flight.serverFinishedVerifyData();

        assertThat(schedule.verifyFinished(secret, hash, received)).isTrue();
        for (int bit : new int[] {0, 100, received.length * 8 - 1}) {
            assertThat(schedule.verifyFinished(secret, hash, Hex.flipBit(received, bit))).as("bit " + bit).isFalse();
        }
        assertThat(schedule.verifyFinished(secret, hash, Arrays.copyOf(received, received.length - 1))).isFalse();
    }

    @Test
    void nextApplicationTrafficSecretIsHkdfExpandLabelTrafficUpd() throws Exception {
        byte[] secret = Rfc8448.get("client_application_traffic_secret");
        // HkdfLabel {length = 32, label = "tls13 traffic upd", context = ""}, then HKDF-Expand's single block
        byte[] info = Hex.decode("0020 11 746c73313320 74726166666963 20 757064 00");
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
        hmac.update(info);
        byte[] expected = hmac.doFinal(new byte[] {1});

        byte[] next = schedule.nextApplicationTrafficSecret(secret);

        assertThat(next).isEqualTo(expected);
        assertThat(next).isEqualTo(new Hkdf(CRYPTO, "SHA-256").expandLabel(secret, "traffic upd", new byte[0], 32));
    }

    @Test
    void nextApplicationTrafficSecretOfASha384SuiteHasTheHashLength() {
        KeySchedule sha384 = new KeySchedule(CRYPTO, CipherSuite.TLS_AES_256_GCM_SHA384);
        byte[] secret = new byte[48];
        Arrays.fill(secret, (byte) 7);

        assertThat(sha384.nextApplicationTrafficSecret(secret))
                .isEqualTo(new Hkdf(CRYPTO, "SHA-384").expandLabel(secret, "traffic upd", new byte[0], 48))
                .hasSize(48);
    }

    /**
     * The trace's handshake messages: ClientHello and ServerHello from their plaintext records, the
     * server's flight (EncryptedExtensions..Finished) and the client's Finished decrypted with the
     * trace's handshake keys, fed to a {@link TranscriptHash} as the engine does.
     */
    private record Flight(byte[] clientHello, byte[] serverHello, List<byte[]> serverMessages, byte[] clientFinished) {

        static Flight decrypt() {
            return new Flight(
                    recordBody(Rfc8448.get("client_hello_record")),
                    recordBody(Rfc8448.get("server_hello_record")),
                    splitMessages(open(Rfc8448.get("server_encrypted_flight_record"), "server_handshake")),
                    open(Rfc8448.get("client_finished_record"), "client_handshake"));
        }

        private static byte[] recordBody(byte[] record) {
            return Arrays.copyOfRange(record, RECORD_HEADER, record.length);
        }

        /** Opens the first protected record of a direction: nonce = iv XOR 0, AAD = the record header. */
        private static byte[] open(byte[] record, String keyName) {
            byte[] aad = Arrays.copyOf(record, RECORD_HEADER);
            ByteBuffer ciphertext = ByteBuffer.wrap(record, RECORD_HEADER, record.length - RECORD_HEADER);
            ByteBuffer plaintext = ByteBuffer.allocate(record.length);
            CRYPTO.aead(SUITE, Rfc8448.get(keyName + "_key")).open(Rfc8448.get(keyName + "_iv"), aad, ciphertext, plaintext);
            byte[] inner = Arrays.copyOf(plaintext.array(), plaintext.position());
            assertThat(inner[inner.length - 1]).as("inner content type").isEqualTo(HANDSHAKE);
            return Arrays.copyOf(inner, inner.length - 1);
        }

        private static List<byte[]> splitMessages(byte[] messages) {
            List<byte[]> split = new ArrayList<>();
            int offset = 0;
            while (offset < messages.length) {
                int length = ((messages[offset + 1] & 0xff) << 16) | ((messages[offset + 2] & 0xff) << 8)
                        | (messages[offset + 3] & 0xff);
                split.add(Arrays.copyOfRange(messages, offset, offset + 4 + length));
                offset += 4 + length;
            }
            assertThat(split).extracting(message -> message[0]).containsExactly((byte) 8, (byte) 11, (byte) 15, (byte) 20);
            return split;
        }

        private TranscriptHash transcript(int serverMessages) {
            TranscriptHash transcript = new TranscriptHash();
            transcript.update(clientHello);
            transcript.update(serverHello);
            transcript.selectHash(CRYPTO, SUITE.hashAlgorithm());
            serverMessages().subList(0, serverMessages).forEach(transcript::update);
            return transcript;
        }

        byte[] helloHash() {
            return transcript(0).current();
        }

        byte[] hashBeforeServerFinished() {
            return transcript(3).current();
        }

        byte[] serverFinishedHash() {
            return transcript(4).current();
        }

        byte[] clientFinishedHash() {
            TranscriptHash transcript = transcript(4);
            transcript.update(clientFinished);
            return transcript.current();
        }

        byte[] serverFinishedVerifyData() {
            byte[] finished = serverMessages().get(3);
            return Arrays.copyOfRange(finished, 4, finished.length);
        }

        byte[] clientFinishedVerifyData() {
            assertThat(clientFinished[0]).as("Finished").isEqualTo((byte) 20);
            return Arrays.copyOfRange(clientFinished, 4, clientFinished.length);
        }
    }
}
