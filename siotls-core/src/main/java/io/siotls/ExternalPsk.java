package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.iana.CipherSuite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An external pre-shared key, RFC 8446 §2.2 and §4.2.11: a secret both peers were given out of
 * band, named by an identity, bound to the hash of the cipher suites it may be used with (SHA-256
 * unless told otherwise, RFC 8446 §4.2.11) and, optionally, to one cipher suite. Its binder uses
 * the label "ext binder" (RFC 8446 §7.1). A handshake authenticated by it sends no certificate.
 *
 * <p>RFC 9257 §6: a PSK "MUST be at least 128 bits long" and should carry that much entropy
 * (not a password: TLS 1.3's PSK handshake can be attacked offline with a dictionary), so keys
 * shorter than {@value #MIN_KEY_LENGTH} bytes are refused. Each PSK should be known to exactly
 * one client and one server (RFC 9257 §4).
 */
public final class ExternalPsk {

    /** The shortest key accepted: 128 bits, RFC 9257 §6. */
    public static final int MIN_KEY_LENGTH = 16;
    /** The longest identity, {@code opaque identity<1..2^16-1>} (RFC 8446 §4.2.11). */
    public static final int MAX_IDENTITY_LENGTH = 0xffff;

    private final byte[] identity;
    private final byte[] key;
    private final String hashAlgorithm;
    private final CipherSuite cipherSuite;

    private ExternalPsk(byte[] identity, byte[] key, String hashAlgorithm, CipherSuite cipherSuite) {
        this.identity = identity;
        this.key = key;
        this.hashAlgorithm = hashAlgorithm;
        this.cipherSuite = cipherSuite;
    }

    /**
     * A PSK used with SHA-256, the hash RFC 8446 §4.2.11 assumes when none was provisioned, and
     * with any cipher suite of that hash.
     *
     * @throws TLSConfigurationException {@code external_psks}: an identity empty or over 65535
     *         bytes (EMPTY, OUT_OF_RANGE), a key shorter than {@value #MIN_KEY_LENGTH} bytes (OUT_OF_RANGE)
     */
    public static ExternalPsk of(byte[] identity, byte[] key) {
        return of(identity, key, "SHA-256");
    }

    /** A PSK whose identity is the UTF-8 bytes of {@code identity} (as OpenSSL's {@code -psk_identity}). */
    public static ExternalPsk of(String identity, byte[] key) {
        return of(Objects.requireNonNull(identity, "identity").getBytes(StandardCharsets.UTF_8), key);
    }

    /**
     * A PSK used with {@code hashAlgorithm}, "SHA-256" or "SHA-384", and any cipher suite of that hash.
     *
     * @throws TLSConfigurationException {@code external_psks}, as {@link #of(byte[], byte[])},
     *         or UNSUPPORTED for a hash no TLS 1.3 cipher suite uses
     */
    public static ExternalPsk of(byte[] identity, byte[] key, String hashAlgorithm) {
        if (identity == null || key == null || hashAlgorithm == null) {
            throw failure(ConfigurationProblem.NULL, "an external PSK needs an identity, a key and a hash");
        }
        if (identity.length == 0 || identity.length > MAX_IDENTITY_LENGTH) {
            throw failure(identity.length == 0 ? ConfigurationProblem.EMPTY : ConfigurationProblem.OUT_OF_RANGE,
                    "an external PSK identity is 1 to " + MAX_IDENTITY_LENGTH + " bytes (RFC 8446 §4.2.11), got "
                    + identity.length);
        }
        if (key.length < MIN_KEY_LENGTH) {
            throw failure(key.length == 0 ? ConfigurationProblem.EMPTY : ConfigurationProblem.OUT_OF_RANGE,
                    "the key of external PSK '" + printableIdentity(identity) + "' is " + key.length + " bytes; at least "
                    + MIN_KEY_LENGTH + " (128 bits, RFC 9257 §6) are needed");
        }
        if (Arrays.stream(CipherSuite.values()).noneMatch(suite -> suite.hashAlgorithm().equals(hashAlgorithm))) {
            throw failure(ConfigurationProblem.UNSUPPORTED, "external PSK '" + printableIdentity(identity) + "': hash '"
                    + hashAlgorithm + "' is not the hash of any TLS 1.3 cipher suite (SHA-256 or SHA-384)");
        }
        return new ExternalPsk(identity.clone(), key.clone(), hashAlgorithm, null);
    }

    /**
     * This PSK restricted to {@code suite} (RFC 8446 §4.2.11: a PSK may be provisioned with one),
     * whose hash must be this PSK's.
     *
     * @throws TLSConfigurationException {@code external_psks}, UNSUPPORTED when the hashes differ
     */
    public ExternalPsk withCipherSuite(CipherSuite suite) {
        if (suite == null) {
            throw failure(ConfigurationProblem.NULL, "external PSK '" + printableIdentity() + "': null cipher suite");
        }
        if (!suite.hashAlgorithm().equals(hashAlgorithm)) {
            throw failure(ConfigurationProblem.UNSUPPORTED, "external PSK '" + printableIdentity() + "' is a "
                    + hashAlgorithm + " key and cannot be used with " + suite.ianaName());
        }
        return new ExternalPsk(identity, key, hashAlgorithm, suite);
    }

    /** The identity (a copy). */
    public byte[] identity() {
        return identity.clone();
    }

    /** The identity as text when it is printable ASCII, else in hexadecimal: for messages and logs. */
    public String printableIdentity() {
        return printableIdentity(identity);
    }

    /** The key (a copy): the handshake's input to HKDF-Extract (RFC 8446 §7.1). */
    public byte[] key() {
        return key.clone();
    }

    /** The hash the key is used with: "SHA-256" or "SHA-384". */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** The one cipher suite this PSK may be used with, or {@code null} for any of its hash. */
    public CipherSuite cipherSuite() {
        return cipherSuite;
    }

    /** Whether this PSK may key a handshake with {@code suite}: the same hash, and the suite required if any. */
    public boolean fits(CipherSuite suite) {
        return suite.hashAlgorithm().equals(hashAlgorithm) && (cipherSuite == null || cipherSuite == suite);
    }

    /** Whether {@code candidate} is this PSK's identity (identities are not secret). */
    public boolean hasIdentity(byte[] candidate) {
        return Arrays.equals(identity, candidate);
    }

    /** Equal when identity, key (compared in constant time), hash and suite are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExternalPsk that && Arrays.equals(identity, that.identity)
                && MessageDigest.isEqual(key, that.key) && hashAlgorithm.equals(that.hashAlgorithm)
                && cipherSuite == that.cipherSuite;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(identity), hashAlgorithm, cipherSuite);
    }

    /** The identity, hash and suite; never the key. */
    @Override
    public String toString() {
        return "ExternalPsk{identity=" + printableIdentity() + ", " + hashAlgorithm
                + (cipherSuite == null ? "" : ", " + cipherSuite.ianaName()) + ", key hidden}";
    }

    /** {@code identity} as text when it is printable ASCII, else as {@code 0x} and hexadecimal. */
    public static String printableIdentity(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return "0x" + HexFormat.of().formatHex(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static TLSConfigurationException failure(ConfigurationProblem problem, String message) {
        return new TLSConfigurationException(ConfigurationOption.EXTERNAL_PSKS, problem, message);
    }
}
