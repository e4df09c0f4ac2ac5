package io.siotls.iana;

/** Signature schemes, RFC 8446 §4.2.3. */
public enum SignatureScheme implements IanaCode {
    RSA_PKCS1_SHA256(0x0401, "rsa_pkcs1_sha256"),
    RSA_PKCS1_SHA384(0x0501, "rsa_pkcs1_sha384"),
    RSA_PKCS1_SHA512(0x0601, "rsa_pkcs1_sha512"),
    ECDSA_SECP256R1_SHA256(0x0403, "ecdsa_secp256r1_sha256"),
    ECDSA_SECP384R1_SHA384(0x0503, "ecdsa_secp384r1_sha384"),
    ECDSA_SECP521R1_SHA512(0x0603, "ecdsa_secp521r1_sha512"),
    RSA_PSS_RSAE_SHA256(0x0804, "rsa_pss_rsae_sha256"),
    RSA_PSS_RSAE_SHA384(0x0805, "rsa_pss_rsae_sha384"),
    RSA_PSS_RSAE_SHA512(0x0806, "rsa_pss_rsae_sha512"),
    ED25519(0x0807, "ed25519"),
    ED448(0x0808, "ed448"),
    RSA_PSS_PSS_SHA256(0x0809, "rsa_pss_pss_sha256"),
    RSA_PSS_PSS_SHA384(0x080a, "rsa_pss_pss_sha384"),
    RSA_PSS_PSS_SHA512(0x080b, "rsa_pss_pss_sha512"),
    RSA_PKCS1_SHA1(0x0201, "rsa_pkcs1_sha1"),
    ECDSA_SHA1(0x0203, "ecdsa_sha1");

    private static final IanaCodes<SignatureScheme> CODES = new IanaCodes<>(SignatureScheme.class);

    private final int code;
    private final String ianaName;

    SignatureScheme(int code, String ianaName) {
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
     * Whether TLS 1.3 allows this scheme in CertificateVerify (RFC 8446 §4.2.3): the PKCS#1 v1.5
     * and SHA-1 schemes are only allowed in certificates.
     */
    public boolean allowedInCertificateVerify() {
        return !ianaName.startsWith("rsa_pkcs1_") && this != ECDSA_SHA1;
    }

    /** The constant registered under {@code code}, or {@code null} when the code is unknown. */
    public static SignatureScheme fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The scheme named {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static SignatureScheme fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
