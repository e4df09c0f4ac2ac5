package io.siotls.keyschedule;

/**
 * The Handshake Secret, RFC 8446 §7.1: gives the handshake traffic secrets, then the Master
 * Secret, which consumes it.
 */
public final class HandshakeSecret extends Secret {

    HandshakeSecret(KeySchedule schedule, byte[] secret) {
        super(schedule, secret);
    }

    /** The client's and server's handshake traffic secrets, given Transcript-Hash(ClientHello..ServerHello). */
    public TrafficSecrets trafficSecrets(byte[] helloHash) {
        return new TrafficSecrets(clientTrafficSecret(helloHash), serverTrafficSecret(helloHash));
    }

    byte[] clientTrafficSecret(byte[] helloHash) {
        return schedule.hkdf().deriveSecret(bytes(), "c hs traffic", helloHash);
    }

    byte[] serverTrafficSecret(byte[] helloHash) {
        return schedule.hkdf().deriveSecret(bytes(), "s hs traffic", helloHash);
    }

    /** Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0). Consumes this secret. */
    public MasterSecret masterSecret() {
        Hkdf hkdf = schedule.hkdf();
        byte[] salt = hkdf.deriveSecret(bytes(), "derived", schedule.emptyHash());
        consume();
        return new MasterSecret(schedule, hkdf.extract(salt, new byte[hkdf.hashLength()]));
    }

    @Override
    String name() {
        return "the handshake secret";
    }
}
