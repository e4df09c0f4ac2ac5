package io.siotls.iana;

/**
 * The TLS 1.3 cipher suites, RFC 8446 §B.4 and RFC 8446 §9.1: an AEAD algorithm and the hash used
 * by HKDF and the transcript.
 */
public enum CipherSuite implements IanaCode {
    TLS_AES_128_GCM_SHA256(0x1301, "SHA-256", 16, 12, 16),
    TLS_AES_256_GCM_SHA384(0x1302, "SHA-384", 32, 12, 16),
    TLS_CHACHA20_POLY1305_SHA256(0x1303, "SHA-256", 32, 12, 16),
    TLS_AES_128_CCM_SHA256(0x1304, "SHA-256", 16, 12, 16),
    TLS_AES_128_CCM_8_SHA256(0x1305, "SHA-256", 16, 12, 8);

    private static final IanaCodes<CipherSuite> CODES = new IanaCodes<>(CipherSuite.class);

    private final int code;
    private final String hashAlgorithm;
    private final int keyLength;
    private final int ivLength;
    private final int tagLength;

    CipherSuite(int code, String hashAlgorithm, int keyLength, int ivLength, int tagLength) {
        this.code = code;
        this.hashAlgorithm = hashAlgorithm;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.tagLength = tagLength;
    }

    @Override
    public int code() {
        return code;
    }

    /** The registered name, which is also the name the JDK uses. */
    @Override
    public String ianaName() {
        return name();
    }

    /** The JCA name of the hash function, e.g. {@code SHA-256}. */
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    /** Output length of the hash function in bytes. */
    public int hashLength() {
        return "SHA-384".equals(hashAlgorithm) ? 48 : 32;
    }

    /** AEAD key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** AEAD nonce (per-record IV) length in bytes. */
    public int ivLength() {
        return ivLength;
    }

    /** AEAD authentication tag length in bytes. */
    public int tagLength() {
        return tagLength;
    }

    /** The constant registered under {@code code}, or {@code null} when the code is unknown. */
    public static CipherSuite fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The suite named {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static CipherSuite fromName(String name) {
        return CODES.fromName(name);
    }
}
