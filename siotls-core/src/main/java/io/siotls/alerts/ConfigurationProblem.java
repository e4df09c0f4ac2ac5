package io.siotls.alerts;

/** What is wrong with the {@link ConfigurationOption} a {@link TLSConfigurationException} is about. */
public enum ConfigurationProblem {
    /** A value, a file or a key store entry was not given at all (null). */
    NULL,
    /** A list, a file or a trust store holds nothing. */
    EMPTY,
    /** A list names the same value twice. */
    DUPLICATE,
    /** Several of what must be exactly one: private keys in a file, key entries in a key store. */
    AMBIGUOUS,
    /** A value siotls, the JDK or the crypto backend does not support: an algorithm, a key type, a curve. */
    UNSUPPORTED,
    /** A signature scheme TLS 1.3 only allows in certificates, never in CertificateVerify (RFC 8446 §4.2.3). */
    NOT_ALLOWED_IN_HANDSHAKE,
    /** A number, a duration or a length outside its bounds. */
    OUT_OF_RANGE,
    /** The option is mandatory and not set, or names a key store entry that does not exist. */
    MISSING,
    /** The option is set, but not another option it needs (the option at fault names which). */
    INCOMPLETE,
    /** The private key does not match the public key that the option holds. */
    KEY_MISMATCH,
    /**
     * A certificate chain whose certificates are out of order: the end-entity (the private key's
     * certificate) is not first, or a certificate is not followed by its issuer (RFC 8446 §4.4.2).
     */
    WRONG_ORDER,
    /** The private key can sign with none of the private_key_signature_algorithms (RFC 8446 §4.4.3). */
    KEY_CANNOT_SIGN,
    /** A server-side option on a client configuration, or a client-side one on a server configuration. */
    WRONG_SIDE,
    /** A file or key store that cannot be read. */
    UNREADABLE,
    /** A file that cannot be written. */
    UNWRITABLE,
    /** Content that cannot be parsed: bad PEM, DER, certificate or key. */
    MALFORMED,
    /** Content that parses but holds something else: a certificate where a private key is expected, say. */
    WRONG_KIND,
    /** An encrypted private key and no password. */
    PASSWORD_REQUIRED,
    /** An encrypted private key the password does not decrypt (or a corrupted one). */
    WRONG_PASSWORD
}
