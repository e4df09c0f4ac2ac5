package io.siotls.keyschedule;

/**
 * The Master Secret, RFC 8446 §7.1: gives the application traffic secrets and the exporter
 * and resumption master secrets; {@link #forget} zeroes it once the last of them is derived: after
 * the server's Finished, or after the client's when tickets are issued (§4.6.1).
 */
public final class MasterSecret extends Secret {

    MasterSecret(KeySchedule schedule, byte[] secret) {
        super(schedule, secret);
    }

    /** The application traffic secrets, given Transcript-Hash(ClientHello..server Finished). */
    public TrafficSecrets applicationTrafficSecrets(byte[] serverFinishedHash) {
        return new TrafficSecrets(derive("c ap traffic", serverFinishedHash), derive("s ap traffic", serverFinishedHash));
    }

    /** exporter_master_secret, given Transcript-Hash(ClientHello..server Finished). */
    public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
        return derive("exp master", serverFinishedHash);
    }

    /** resumption_master_secret, given Transcript-Hash(ClientHello..client Finished). */
    public byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
        return derive("res master", clientFinishedHash);
    }

    private byte[] derive(String label, byte[] transcriptHash) {
        return schedule.hkdf().deriveSecret(bytes(), label, transcriptHash);
    }

    /** Zeroes the master secret: the handshake is over (RFC 8446 §7.2 needs only the traffic secrets). */
    public void forget() {
        consume();
    }

    @Override
    String name() {
        return "the master secret";
    }
}
