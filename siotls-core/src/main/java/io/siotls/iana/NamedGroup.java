package io.siotls.iana;

/**
 * Key exchange groups, RFC 8446 §4.2.7: elliptic curves (RFC 8422/7748), finite fields
 * (RFC 7919), ML-KEM (draft-ietf-tls-mlkem) and the ECDHE-MLKEM hybrids
 * (draft-ietf-tls-ecdhe-mlkem).
 */
public enum NamedGroup implements IanaCode {
    SECP256R1(0x0017, "secp256r1"),
    SECP384R1(0x0018, "secp384r1"),
    SECP521R1(0x0019, "secp521r1"),
    X25519(0x001d, "x25519"),
    X448(0x001e, "x448"),
    FFDHE2048(0x0100, "ffdhe2048"),
    FFDHE3072(0x0101, "ffdhe3072"),
    FFDHE4096(0x0102, "ffdhe4096"),
    FFDHE6144(0x0103, "ffdhe6144"),
    FFDHE8192(0x0104, "ffdhe8192"),
    MLKEM512(0x0200, "MLKEM512"),
    MLKEM768(0x0201, "MLKEM768"),
    MLKEM1024(0x0202, "MLKEM1024"),
    SECP256R1MLKEM768(0x11eb, "SecP256r1MLKEM768"),
    X25519MLKEM768(0x11ec, "X25519MLKEM768"),
    SECP384R1MLKEM1024(0x11ed, "SecP384r1MLKEM1024");

    private static final IanaCodes<NamedGroup> CODES = new IanaCodes<>(NamedGroup.class);

    private final int code;
    private final String ianaName;

    NamedGroup(int code, String ianaName) {
        this.code = code;
        this.ianaName = ianaName;
    }

    @Override
    public int code() {
        return code;
    }

    @Override
    public String ianaName() {
        return ianaName;
    }

    /**
     * Whether {@code code} lies in the obsolete_RESERVED ranges of RFC 8446 §B.3.1.4 (the
     * elliptic curves and explicit-curve codes of earlier TLS versions): such groups "MUST NOT be
     * offered or negotiated by TLS 1.3 implementations" (§4.2.7).
     */
    public static boolean isObsolete(int code) {
        return (code >= 0x0001 && code <= 0x0016) || (code >= 0x001a && code <= 0x001c)
                || code == 0xff01 || code == 0xff02;
    }

    /** Whether this is a finite field (Diffie-Hellman) group of RFC 7919. */
    public boolean isFiniteField() {
        return code >= 0x0100 && code <= 0x01ff;
    }

    /**
     * Whether the key exchange includes ML-KEM (FIPS 203), alone or in a hybrid: the server's
     * share is then a ciphertext encapsulated to the client's key, not a key of its own.
     */
    public boolean isPostQuantum() {
        return (code >= 0x0200 && code <= 0x0202) || (code >= 0x11eb && code <= 0x11ed);
    }

    /** The constant registered under {@code code}, or {@code null} when the code is unknown. */
    public static NamedGroup fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The group named {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static NamedGroup fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
