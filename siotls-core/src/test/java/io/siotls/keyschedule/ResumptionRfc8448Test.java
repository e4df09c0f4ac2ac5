package io.siotls.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.crypto.CryptoProvider;
import io.siotls.extensions.PreSharedKeyExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Rfc8448;
import io.siotls.wire.TLSReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The resumption half of the key schedule against RFC 8448: §3's resumption master secret and
 * ticket nonce give §4's PSK, which gives §4's Early Secret, the binder of §4's ClientHello, its
 * client_early_traffic_secret, and
 * with §4's x25519 shared secret the resumed handshake's secrets (RFC 8446 §4.2.11.2, §4.6.1, §7.1).
 */
class ResumptionRfc8448Test {

    private static final Rfc8448 RESUMED = Rfc8448.section("resumed-0rtt.txt");

    private final KeySchedule schedule = new KeySchedule(CryptoProvider.getDefault(), CipherSuite.TLS_AES_128_GCM_SHA256);

    @Test
    void theTicketsPskComesFromTheResumptionMasterSecretAndNonce() {
        assertThat(schedule.resumptionPsk(Rfc8448.get("resumption_master_secret"), RESUMED.value("ticket_nonce")))
                .isEqualTo(RESUMED.value("resumption_psk"));
    }

    @Test
    void theEarlySecretOfThePsk() {
        assertThat(schedule.earlySecret(RESUMED.value("resumption_psk")).raw()).isEqualTo(RESUMED.value("early_secret"));
    }

    @Test
    void theBinderCoversTheClientHelloUpToItsBinders() {
        byte[] message = RESUMED.value("client_hello");
        ClientHello hello = ClientHello.parse(new TLSReader(message, 4, message.length - 4));
        PreSharedKeyExtension offer = hello.extensions().get(ExtensionType.PRE_SHARED_KEY, PreSharedKeyExtension.class);
        TranscriptHash transcript = new TranscriptHash();
        transcript.selectHash(CryptoProvider.getDefault(), "SHA-256");

        byte[] truncatedHash = transcript.currentWith(message, message.length - offer.bindersLength());

        assertThat(truncatedHash).isEqualTo(RESUMED.value("truncated_client_hello_hash"));
        assertThat(offer.binders()).hasSize(1);
        assertThat(offer.binders().get(0)).isEqualTo(RESUMED.value("binder"));
        EarlySecret early = schedule.earlySecret(RESUMED.value("resumption_psk"));
        assertThat(early.resumptionBinder(truncatedHash)).isEqualTo(RESUMED.value("binder"));
        assertThat(early.verifyResumptionBinder(truncatedHash, RESUMED.value("binder"))).isTrue();
        byte[] flipped = RESUMED.value("binder");
        flipped[31] ^= 1;
        assertThat(early.verifyResumptionBinder(truncatedHash, flipped)).isFalse();
        assertThat(early.verifyResumptionBinder(truncatedHash, Arrays.copyOf(flipped, 31))).isFalse();
    }

    @Test
    void theClientEarlyTrafficSecretCoversTheWholeClientHello() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.selectHash(CryptoProvider.getDefault(), "SHA-256");
        transcript.update(RESUMED.value("client_hello"));

        EarlySecret early = schedule.earlySecret(RESUMED.value("resumption_psk"));

        assertThat(early.clientEarlyTrafficSecret(transcript.current()))
                .isEqualTo(RESUMED.value("client_early_traffic_secret"));
    }

    @Test
    void theResumedHandshakeSecretsStartFromThePsk() {
        TranscriptHash transcript = new TranscriptHash();
        transcript.selectHash(CryptoProvider.getDefault(), "SHA-256");
        transcript.update(RESUMED.value("client_hello"));
        transcript.update(RESUMED.value("server_hello"));

        HandshakeSecret handshake = schedule.earlySecret(RESUMED.value("resumption_psk"))
                .handshakeSecret(RESUMED.value("ecdhe_shared_secret"));

        assertThat(handshake.raw()).isEqualTo(RESUMED.value("handshake_secret"));
        TrafficSecrets secrets = handshake.trafficSecrets(transcript.current());
        assertThat(secrets.client()).isEqualTo(RESUMED.value("client_handshake_traffic_secret"));
        assertThat(secrets.server()).isEqualTo(RESUMED.value("server_handshake_traffic_secret"));
    }
}
