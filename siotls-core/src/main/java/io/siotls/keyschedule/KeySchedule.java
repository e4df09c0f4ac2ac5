package io.siotls.keyschedule;

import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TLS 1.3 key schedule of one cipher suite, RFC 8446 §7.1. The handshake walks it by phase:
 * {@link #earlySecretWithoutPsk} or {@link #earlySecret(byte[])} gives an {@link EarlySecret}, which gives a
 * {@link HandshakeSecret}, which gives a {@link MasterSecret}; each consumes (zeroes) the one
 * before. This class also holds the suite's derivations that need no phase secret: Finished
 * (§4.4.4), KeyUpdate (§7.2), traffic keys (§7.3) and the PSK of a ticket (§4.6.1). It keeps no phase secret itself, so
 * none outlives the phase that consumed it.
 */
public final class KeySchedule {

    /** Transcript-Hash("") by hash algorithm: a constant of each hash, computed once. */
    private static final Map<String, byte[]> EMPTY_HASHES = new ConcurrentHashMap<>();

    private final CipherSuite suite;
    private final Hkdf hkdf;
    private final byte[] emptyHash;

    /** The key schedule of one connection (or one key switch of it): not thread-safe. */
    public KeySchedule(CryptoProvider crypto, CipherSuite suite) {
        this.suite = suite;
        this.hkdf = new Hkdf(crypto, suite.hashAlgorithm());
        this.emptyHash = EMPTY_HASHES.computeIfAbsent(suite.hashAlgorithm(),
                algorithm -> crypto.messageDigest(algorithm).digest());
    }

    /** Early Secret = HKDF-Extract(0, 0): a full handshake without PSK. */
    public EarlySecret earlySecretWithoutPsk() {
        return new EarlySecret(this, hkdf.extract(null, new byte[hkdf.hashLength()]));
    }

    /** Early Secret = HKDF-Extract(0, PSK): a handshake resuming with {@code psk} (RFC 8446 §7.1). */
    public EarlySecret earlySecret(byte[] psk) {
        if (psk.length != hkdf.hashLength()) {
            throw new IllegalArgumentException("a resumption PSK of " + suite + " is " + hkdf.hashLength()
                    + " bytes, not " + psk.length);
        }
        return new EarlySecret(this, hkdf.extract(null, psk));
    }

    /**
     * Early Secret = HKDF-Extract(0, PSK) of an external PSK (RFC 8446 §7.1), of any length; its
     * binders use the label "ext binder" ({@link EarlySecret#externalBinder}).
     */
    public EarlySecret earlySecretOfExternalPsk(byte[] key) {
        return new EarlySecret(this, hkdf.extract(null, key));
    }

    /**
     * The PSK a NewSessionTicket stands for, RFC 8446 §4.6.1:
     * HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length).
     */
    public byte[] resumptionPsk(byte[] resumptionMasterSecret, byte[] ticketNonce) {
        return hkdf.expandLabel(resumptionMasterSecret, "resumption", ticketNonce, hkdf.hashLength());
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

    /** verify_data = HMAC(finished_key, Transcript-Hash), RFC 8446 §4.4.4. */
    public byte[] finishedVerifyData(byte[] baseSecret, byte[] transcriptHash) {
        byte[] finishedKey = hkdf.expandLabel(baseSecret, "finished", new byte[0], hkdf.hashLength());
        try {
            return hkdf.hmac(finishedKey, transcriptHash);
        } finally {
            Arrays.fill(finishedKey, (byte) 0);
        }
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
}
