package io.siotls.keyschedule;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import java.security.MessageDigest;

/**
 * The TLS 1.3 key schedule of one cipher suite, RFC 8446 §7.1, without PSK. The handshake walks
 * it by phase: {@link #earlySecretWithoutPsk} gives an {@link EarlySecret}, which gives a
 * {@link HandshakeSecret}, which gives a {@link MasterSecret}; each consumes (zeroes) the one
 * before. This class also holds the suite's derivations that need no phase secret: Finished
 * (§4.4.4), KeyUpdate (§7.2) and traffic keys (§7.3). The stepwise methods
 * ({@link #startWithoutPsk} .. {@link #forgetHandshakeSecrets}) walk the same phases for
 * known-answer tests.
 */
public final class KeySchedule {

    private final CryptoProvider crypto;
    private final CipherSuite suite;
    private final Hkdf hkdf;
    private final byte[] emptyHash;
    private EarlySecret earlySecret;
    private HandshakeSecret handshakeSecret;
    private MasterSecret masterSecret;

    public KeySchedule(CryptoProvider crypto, CipherSuite suite) {
        this.crypto = crypto;
        this.suite = suite;
        this.hkdf = new Hkdf(crypto, suite.hashAlgorithm());
        this.emptyHash = crypto.messageDigest(suite.hashAlgorithm()).digest();
    }

    /** Early Secret = HKDF-Extract(0, 0): a full handshake without PSK. */
    public EarlySecret earlySecretWithoutPsk() {
        return new EarlySecret(this, hkdf.extract(null, new byte[hkdf.hashLength()]));
    }

    public CipherSuite suite() {
        return suite;
    }

    Hkdf hkdf() {
        return hkdf;
    }

    /** Transcript-Hash(""), the context of Derive-Secret(., "derived", ""). */
    byte[] emptyHash() {
        return emptyHash;
    }

    /** Starts the stepwise walk at the early secret. */
    public void startWithoutPsk() {
        earlySecret = earlySecretWithoutPsk();
    }

    public void deriveHandshakeSecret(byte[] sharedSecret) {
        handshakeSecret = require(earlySecret, "the early secret").handshakeSecret(sharedSecret);
    }

    public byte[] clientHandshakeTrafficSecret(byte[] helloHash) {
        return require(handshakeSecret, "the handshake secret").clientTrafficSecret(helloHash);
    }

    public byte[] serverHandshakeTrafficSecret(byte[] helloHash) {
        return require(handshakeSecret, "the handshake secret").serverTrafficSecret(helloHash);
    }

    public void deriveMasterSecret() {
        masterSecret = require(handshakeSecret, "the handshake secret").masterSecret();
    }

    public byte[] clientApplicationTrafficSecret(byte[] serverFinishedHash) {
        return require(masterSecret, "the master secret").derive("c ap traffic", serverFinishedHash);
    }

    public byte[] serverApplicationTrafficSecret(byte[] serverFinishedHash) {
        return require(masterSecret, "the master secret").derive("s ap traffic", serverFinishedHash);
    }

    public byte[] exporterMasterSecret(byte[] serverFinishedHash) {
        return require(masterSecret, "the master secret").exporterMasterSecret(serverFinishedHash);
    }

    public byte[] resumptionMasterSecret(byte[] clientFinishedHash) {
        return require(masterSecret, "the master secret").resumptionMasterSecret(clientFinishedHash);
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
     * Zeroes and drops the stepwise walk's secrets (the early and handshake ones were consumed
     * already); later derivations from them fail.
     */
    public void forgetHandshakeSecrets() {
        if (masterSecret != null) {
            masterSecret.forget();
        }
        earlySecret = null;
        handshakeSecret = null;
        masterSecret = null;
    }

    /** The early secret, or null before {@link #startWithoutPsk}; for known-answer tests. */
    byte[] earlySecret() {
        return earlySecret == null ? null : earlySecret.raw();
    }

    /** The handshake secret, or null before {@link #deriveHandshakeSecret}; for known-answer tests. */
    byte[] handshakeSecret() {
        return handshakeSecret == null ? null : handshakeSecret.raw();
    }

    /** The master secret, or null before {@link #deriveMasterSecret}; for known-answer tests. */
    byte[] masterSecret() {
        return masterSecret == null ? null : masterSecret.raw();
    }

    private static <T extends Secret> T require(T secret, String name) {
        if (secret == null) {
            throw new IllegalStateException(name + " is not derived yet");
        }
        return secret;
    }
}
