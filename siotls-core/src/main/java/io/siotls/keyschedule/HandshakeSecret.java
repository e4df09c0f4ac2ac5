package io.siotls.keyschedule;

import java.util.Arrays;

/**
 * The Handshake Secret, RFC 8446 §7.1: gives the handshake traffic secrets, then the Master
 * Secret, which consumes it.
 */
public final class HandshakeSecret extends Secret {

    HandshakeSecret(KeySchedule schedule, byte[] secret) {
        super(schedule, secret);
    }

    /**
     * [sender]_handshake_traffic_secret = Derive-Secret(Handshake Secret, "c hs traffic" / "s hs
     * traffic", ClientHello..ServerHello), RFC 8446 §7.1.
     */
    public TrafficSecrets trafficSecrets(byte[] helloHash) {
        Hkdf hkdf = schedule.hkdf();
        return new TrafficSecrets(hkdf.deriveSecret(bytes(), "c hs traffic", helloHash),
                hkdf.deriveSecret(bytes(), "s hs traffic", helloHash));
    }

    /** Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0). Consumes this secret. */
    public MasterSecret masterSecret() {
        Hkdf hkdf = schedule.hkdf();
        byte[] salt = hkdf.deriveSecret(bytes(), "derived", schedule.emptyHash());
        consume();
        MasterSecret next = new MasterSecret(schedule, hkdf.extract(salt, new byte[hkdf.hashLength()]));
        Arrays.fill(salt, (byte) 0);
        return next;
    }

    @Override
    String name() {
        return "the handshake secret";
    }
}
