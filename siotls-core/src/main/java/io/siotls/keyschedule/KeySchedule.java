package io.siotls.keyschedule;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The TLS 1.3 key schedule of one connection, RFC 8446 §7.1, without PSK: early secret,
 * handshake secret and master secret, and the traffic secrets derived from them.
 */
public final class KeySchedule {

    private final CryptoProvider crypto;
    private final CipherSuite suite;
    private final Hkdf hkdf;
    private final byte[] emptyHash;
    private byte[] earlySecret;
    private byte[] handshakeSecret;
    private byte[] masterSecret;

    public KeySchedule(CryptoProvider crypto, CipherSuite suite) {
        this.crypto = crypto;
        this.suite = suite;
        this.hkdf = new Hkdf(crypto, suite.hashAlgorithm());
        this.emptyHash = crypto.messageDigest(suite.hashAlgorithm()).digest();
    }

    /** Early Secret = HKDF-Extract(0, 0): a full handshake without PSK. */
    public void startWithoutPsk() {
        earlySecret = hkdf.extract(null, new byte[hkdf.hashLength()]);
    }

    /** Handshake Secret = HKDF-Extract(Derive-Secret(Early Secret, "derived", ""), (EC)DHE). */
    public void deriveHandshakeSecret(byte[] sharedSecret) {
        require(earlySecret, "the early secret");
        handshakeSecret = hkdf.extract(hkdf.deriveSecret(earlySecret, "derived", emptyHash), sharedSecret);
    }

    public byte[] clientHandshakeTrafficSecret(byte[] helloHash) {
        return hkdf.deriveSecret(require(handshakeSecret, "the handshake secret"), "c hs traffic", helloHash);
    }

    public byte[] serverHandshakeTrafficSecret(byte[] helloHash) {
        return hkdf.deriveSecret(require(handshakeSecret, "the handshake secret"), "s hs traffic", helloHash);
    }

    /** Master Secret = HKDF-Extract(Derive-Secret(Handshake Secret, "derived", ""), 0). */
    public void deriveMasterSecret() {
        byte[] salt = hkdf.deriveSecret(require(handshakeSecret, "the handshake secret"), "derived", emptyHash);
        masterSecret = hkdf.extract(salt, new byte[hkdf.hashLength()]);
    }

    public byte[] clientApplicationTrafficSecret(byte[] serverFinishedHash) {
        return hkdf.deriveSecret(require(masterSecret, "the master secret"), "c ap traffic", serverFinishedHash);
    }

    public byte[] serverApplicationTrafficSecret(byte[] serverFinishedHash) {
        return hkdf.deriveSecret(require(masterSecret, "the master secret"), "s ap traffic", serverFinishedHash);
    }

    public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
        return hkdf.deriveSecret(require(masterSecret, "the master secret"), "exp master", serverFinishedHash);
    }

    public byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
        return hkdf.deriveSecret(require(masterSecret, "the master secret"), "res master", clientFinishedHash);
    }

    /** verify_data = HMAC(finished_key, Transcript-Hash), RFC 8446 §4.4.4. */
    public byte[] finishedVerifyData(byte[] baseSecret, byte[] transcriptHash) {
        byte[] finishedKey = hkdf.expandLabel(baseSecret, "finished", new byte[0], hkdf.hashLength());
        return crypto.hmac(suite.hashAlgorithm(), finishedKey, transcriptHash);
    }

    /** Compares a received verify_data in constant time, RFC 8446 §4.4.4. */
    public boolean verifyFinished(byte[] baseSecret, byte[] transcriptHash, byte[] received) {
        return MessageDigest.isEqual(finishedVerifyData(baseSecret, transcriptHash), received);
    }

    /** application_traffic_secret_N+1, RFC 8446 §7.2. */
    public byte[] nextApplicationTrafficSecret(byte[] secret) {
        return hkdf.expandLabel(secret, "traffic upd", new byte[0], hkdf.hashLength());
    }

    /** The write key and IV of a traffic secret, RFC 8446 §7.3. */
    public TrafficKeys trafficKeys(byte[] trafficSecret) {
        return new TrafficKeys(hkdf.expandLabel(trafficSecret, "key", new byte[0], suite.keyLength()),
                hkdf.expandLabel(trafficSecret, "iv", new byte[0], suite.ivLength()));
    }

    /**
     * Zeroes and drops the early, handshake and master secrets once the handshake is over: only
     * the application traffic secrets, which the caller keeps, are needed after it (RFC 8446
     * §7.2 derives the next ones from them alone). Later derivations from a forgotten secret fail.
     */
    public void forgetHandshakeSecrets() {
        earlySecret = zeroed(earlySecret);
        handshakeSecret = zeroed(handshakeSecret);
        masterSecret = zeroed(masterSecret);
    }

    private static byte[] zeroed(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
        return null;
    }

    /** The early secret, or null before {@link #startWithoutPsk}; for known-answer tests. */
    byte[] earlySecret() {
        return earlySecret;
    }

    /** The handshake secret, or null before {@link #deriveHandshakeSecret}; for known-answer tests. */
    byte[] handshakeSecret() {
        return handshakeSecret;
    }

    /** The master secret, or null before {@link #deriveMasterSecret}; for known-answer tests. */
    byte[] masterSecret() {
        return masterSecret;
    }

    private static byte[] require(byte[] secret, String name) {
        if (secret == null) {
            throw new IllegalStateException(name + " is not derived yet");
        }
        return secret;
    }
}
