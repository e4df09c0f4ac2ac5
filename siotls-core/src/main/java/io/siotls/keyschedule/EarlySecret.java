package io.siotls.keyschedule;

import java.security.MessageDigest;
import java.util.Arrays;

/** The Early Secret, RFC 8446 §7.1: the first phase of the key schedule. */
public final class EarlySecret extends Secret {

    EarlySecret(KeySchedule schedule, byte[] secret) {
        super(schedule, secret);
    }

    /**
     * The binder of a resumption PSK, RFC 8446 §4.2.11.2: HMAC(finished_key, Transcript-Hash(the
     * ClientHello truncated before its binders)), finished_key derived (§4.4.4) from binder_key =
     * Derive-Secret(Early Secret, "res binder", "").
     */
    public byte[] resumptionBinder(byte[] truncatedHelloHash) {
        byte[] binderKey = schedule.hkdf().deriveSecret(bytes(), "res binder", schedule.emptyHash());
        try {
            return schedule.finishedVerifyData(binderKey, truncatedHelloHash);
        } finally {
            Arrays.fill(binderKey, (byte) 0);
        }
    }

    /** Compares a received binder with {@link #resumptionBinder} in constant time, RFC 8446 §4.2.11.2. */
    public boolean verifyResumptionBinder(byte[] truncatedHelloHash, byte[] received) {
        return MessageDigest.isEqual(resumptionBinder(truncatedHelloHash), received);
    }

    /**
     * The binder of an external PSK, RFC 8446 §4.2.11.2 and §7.1: as {@link #resumptionBinder},
     * from binder_key = Derive-Secret(Early Secret, "ext binder", "").
     */
    public byte[] externalBinder(byte[] truncatedHelloHash) {
        return binder("ext binder", truncatedHelloHash);
    }

    /** Compares a received binder with {@link #externalBinder} in constant time, RFC 8446 §4.2.11.2. */
    public boolean verifyExternalBinder(byte[] truncatedHelloHash, byte[] received) {
        return MessageDigest.isEqual(externalBinder(truncatedHelloHash), received);
    }

    private byte[] binder(String label, byte[] truncatedHelloHash) {
        byte[] binderKey = schedule.hkdf().deriveSecret(bytes(), label, schedule.emptyHash());
        try {
            return schedule.finishedVerifyData(binderKey, truncatedHelloHash);
        } finally {
            Arrays.fill(binderKey, (byte) 0);
        }
    }

    /**
     * client_early_traffic_secret = Derive-Secret(Early Secret, "c e traffic", ClientHello),
     * RFC 8446 §7.1: the key of the client's 0-RTT data and EndOfEarlyData (§2.3).
     */
    public byte[] clientEarlyTrafficSecret(byte[] clientHelloHash) {
        return schedule.hkdf().deriveSecret(bytes(), "c e traffic", clientHelloHash);
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

    /** Zeroes the early secret unused: it served only to compute binders (RFC 8446 §4.2.11.2). */
    public void forget() {
        consume();
    }

    @Override
    String name() {
        return "the early secret";
    }
}
