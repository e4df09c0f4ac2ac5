package io.siotls.keyschedule;

import java.util.Arrays;

/** The Early Secret, RFC 8446 §7.1: the first phase of the key schedule. */
public final class EarlySecret extends Secret {

    EarlySecret(KeySchedule schedule, byte[] secret) {
        super(schedule, secret);
    }

    /**
     * Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived", ""), (EC)DHE).
     * Consumes this secret.
     */
    public HandshakeSecret handshakeSecret(byte[] sharedSecret) {
        Hkdf hkdf = schedule.hkdf();
        byte[] salt = hkdf.deriveSecret(bytes(), "derived", schedule.emptyHash());
        consume();
        HandshakeSecret next = new HandshakeSecret(schedule, hkdf.extract(salt, sharedSecret));
        Arrays.fill(salt, (byte) 0);
        return next;
    }

    @Override
    String name() {
        return "the early secret";
    }
}
