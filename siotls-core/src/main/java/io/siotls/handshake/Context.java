package io.siotls.handshake;

import io.siotls.TLSConfiguration;
import io.siotls.crypto.CryptoProvider;
import io.siotls.extensions.HeartbeatExtension;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.keyschedule.HandshakeSecret;
import io.siotls.keyschedule.MasterSecret;
import io.siotls.keyschedule.TrafficSecrets;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.HandshakeMessage;
import java.time.Clock;
import java.util.Arrays;

/**
 * What every state of one handshake may use: the policy, the configuration, entropy, the clock
 * and the transport. It holds no handshake secret and no negotiated value.
 *
 * @param maxEarlyData server-side, the 0-RTT data this connection accepts (RFC 8446 §4.2.10):
 *        the configuration's, or 0 when the connection's front end cannot hand early data to the
 *        application (JSSE)
 */
record Context(ConnectionPolicy policy, TLSConfiguration config, CryptoProvider crypto, Entropy entropy,
        HandshakeTransport transport, Clock clock, boolean client, int maxEarlyData) {

    Context(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport, Clock clock, boolean client) {
        this(policy, entropy, transport, clock, client, 0);
    }

    Context(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport, Clock clock, boolean client,
            int maxEarlyData) {
        this(policy, policy.config(), policy.config().crypto(), entropy, transport, clock, client, maxEarlyData);
    }

    /** Adds {@code message} to the transcript and queues it for sending. */
    void send(TranscriptHash transcript, HandshakeMessage message) {
        byte[] bytes = message.toBytes();
        transcript.update(bytes);
        transport.sendHandshake(bytes);
    }

    /** The handshake traffic secrets (RFC 8446 §7.1), logged. */
    TrafficSecrets handshakeTrafficSecrets(HandshakeSecret secret, byte[] helloHash, byte[] clientRandom) {
        TrafficSecrets secrets = secret.trafficSecrets(helloHash);
        transport.logSecret("CLIENT_HANDSHAKE_TRAFFIC_SECRET", clientRandom, secrets.client());
        transport.logSecret("SERVER_HANDSHAKE_TRAFFIC_SECRET", clientRandom, secrets.server());
        return secrets;
    }

    /**
     * The application traffic secrets and the exporter secret (RFC 8446 §7.1), logged; the
     * exporter secret is then zeroed, as this engine exports no keying material (§7.5). The
     * caller forgets the master secret, or keeps it for the resumption master secret (§4.6.1).
     */
    TrafficSecrets applicationTrafficSecrets(MasterSecret master, byte[] serverFinishedHash, byte[] clientRandom) {
        TrafficSecrets secrets = master.applicationTrafficSecrets(serverFinishedHash);
        transport.logSecret("CLIENT_TRAFFIC_SECRET_0", clientRandom, secrets.client());
        transport.logSecret("SERVER_TRAFFIC_SECRET_0", clientRandom, secrets.server());
        byte[] exporter = master.exporterMasterSecret(serverFinishedHash);
        transport.logSecret("EXPORTER_SECRET", clientRandom, exporter);
        Arrays.fill(exporter, (byte) 0);
        return secrets;
    }

    /** The heartbeat extension this side sends: it understands RFC 6520 but accepts no requests. */
    static HeartbeatExtension ownHeartbeatMode() {
        return new HeartbeatExtension(HeartbeatExtension.PEER_NOT_ALLOWED_TO_SEND);
    }

    /** Whether the peer's heartbeat extension lets this side send requests (RFC 6520 §2). */
    static boolean canSendHeartbeat(HeartbeatExtension peerMode) {
        return peerMode != null && peerMode.mode() == HeartbeatExtension.PEER_ALLOWED_TO_SEND;
    }

    /** The record_size_limit this side announces: its max_fragment_length plus the content type (RFC 8449 §4). */
    int ownRecordSizeLimit() {
        return config.maxFragmentLength().octets() + 1;
    }

    /**
     * Applies the peer's record_size_limit to what this side sends, and this side's to what it
     * receives; returns the largest plaintext this side sends.
     */
    int applyRecordSizeLimits(int peerLimit) {
        int maxFragmentLength = RecordSizeLimit.plaintextFor(peerLimit);
        transport.limitRecordPlaintext(maxFragmentLength);
        transport.limitReceivedRecords(ownRecordSizeLimit());
        return maxFragmentLength;
    }

    /** Applies a negotiated max_fragment_length to both directions (RFC 6066 §4); returns it. */
    int applyMaxFragmentLength(MaxFragmentLength length) {
        transport.limitRecordPlaintext(length.octets());
        transport.limitReceivedRecords(length.octets() + 1);
        return length.octets();
    }
}
