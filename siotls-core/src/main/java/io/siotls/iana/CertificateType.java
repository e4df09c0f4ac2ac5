package io.siotls.iana;

/**
 * Certificate types, RFC 7250 §3 and RFC 8446 §4.4.2.
 */
public enum CertificateType implements IanaCode {
    X509(0, "X509"),
    RAW_PUBLIC_KEY(2, "RawPublicKey");

    private static final IanaCodes<CertificateType> CODES = new IanaCodes<>(CertificateType.class);

    private final int code;
    private final String ianaName;

    CertificateType(int code, String ianaName) {
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

    /** The constant registered under {@code code}, or {@code null} when the code is unknown. */
    public static CertificateType fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The constant whose IANA name (or Java constant name) is {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static CertificateType fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
