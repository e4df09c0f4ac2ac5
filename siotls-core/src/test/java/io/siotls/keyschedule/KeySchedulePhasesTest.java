package io.siotls.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.testing.Rfc8448;
import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The phases of the key schedule, RFC 8446 §7.1: each is consumed (zeroed, then refused) by the
 * derivation of the next, and the Master Secret by {@link MasterSecret#forget}. Values are RFC
 * 8448 §3's, as in {@link KeyScheduleRfc8448Test}.
 */
class KeySchedulePhasesTest {

    private static final CipherSuite SUITE = CipherSuite.TLS_AES_128_GCM_SHA256;

    private final KeySchedule schedule = new KeySchedule(CryptoProvider.getDefault(), SUITE);
    private final byte[] shared = Rfc8448.get("ecdhe_shared_secret");
    private final byte[] helloHash = Rfc8448.get("hello_transcript_hash");
    private final byte[] serverFinishedHash = Rfc8448.get("server_finished_transcript_hash");
    private final byte[] clientFinishedHash = Rfc8448.get("client_finished_transcript_hash");

    @Test
    void handshakeSecretConsumesTheEarlySecret() {
        EarlySecret early = schedule.earlySecretWithoutPsk();

        early.handshakeSecret(shared);

        assertThat(early.raw()).containsOnly(0);
        assertThatThrownBy(() -> early.handshakeSecret(shared))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("early secret");
    }

    @Test
    void masterSecretConsumesTheHandshakeSecret() {
        HandshakeSecret handshake = schedule.earlySecretWithoutPsk().handshakeSecret(shared);

        handshake.masterSecret();

        assertThat(handshake.raw()).containsOnly(0);
        assertThatThrownBy(() -> handshake.trafficSecrets(helloHash))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("handshake secret");
        assertThatThrownBy(handshake::masterSecret)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("handshake secret");
    }

    /** After the handshake only the application traffic secrets live on (RFC 8446 §7.2). */
    @Test
    void forgetZeroesTheMasterSecretAndRefusesLaterDerivations() {
        EarlySecret early = schedule.earlySecretWithoutPsk();
        HandshakeSecret handshake = early.handshakeSecret(shared);
        MasterSecret master = handshake.masterSecret();
        byte[] application = master.applicationTrafficSecrets(serverFinishedHash).client();

        master.forget();

        assertThat(early.raw()).containsOnly(0);
        assertThat(handshake.raw()).containsOnly(0);
        assertThat(master.raw()).containsOnly(0);
        assertThatThrownBy(() -> master.applicationTrafficSecrets(serverFinishedHash))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("master secret");
        assertThatThrownBy(() -> master.exporterMasterSecret(serverFinishedHash))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("master secret");
        assertThatThrownBy(() -> master.resumptionMasterSecret(clientFinishedHash))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("master secret");
        assertThat(schedule.nextApplicationTrafficSecret(application)).hasSize(SUITE.hashLength());
    }

    /** The schedule itself keeps no phase, so none is reachable once the next one was derived. */
    @Test
    void theScheduleHoldsNoPhaseSecret() {
        assertThat(Arrays.stream(KeySchedule.class.getDeclaredFields()).map(Field::getType))
                .noneMatch(Secret.class::isAssignableFrom);
    }

    @Test
    void theWholeWalkGivesTheTracesSecretsAndLeavesOnlyZeroes() {
        EarlySecret early = schedule.earlySecretWithoutPsk();
        HandshakeSecret handshake = early.handshakeSecret(shared);
        TrafficSecrets handshakeTraffic = handshake.trafficSecrets(helloHash);
        MasterSecret master = handshake.masterSecret();
        TrafficSecrets application = master.applicationTrafficSecrets(serverFinishedHash);
        byte[] exporter = master.exporterMasterSecret(serverFinishedHash);
        byte[] resumption = master.resumptionMasterSecret(clientFinishedHash);
        master.forget();

        assertThat(handshakeTraffic.client()).isEqualTo(Rfc8448.get("client_handshake_traffic_secret"));
        assertThat(handshakeTraffic.server()).isEqualTo(Rfc8448.get("server_handshake_traffic_secret"));
        assertThat(application.client()).isEqualTo(Rfc8448.get("client_application_traffic_secret"));
        assertThat(application.server()).isEqualTo(Rfc8448.get("server_application_traffic_secret"));
        assertThat(exporter).isEqualTo(Rfc8448.get("exporter_master_secret"));
        assertThat(resumption).isEqualTo(Rfc8448.get("resumption_master_secret"));
        assertThat(early.raw()).containsOnly(0);
        assertThat(handshake.raw()).containsOnly(0);
        assertThat(master.raw()).containsOnly(0);
    }
}
