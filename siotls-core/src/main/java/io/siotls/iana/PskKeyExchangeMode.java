package io.siotls.iana;

/**
 * PSK key exchange modes, RFC 8446 §4.2.9.
 */
public enum PskKeyExchangeMode implements IanaCode {
    PSK_KE(0, "psk_ke"),
    PSK_DHE_KE(1, "psk_dhe_ke");

    private static final IanaCodes<PskKeyExchangeMode> CODES = new IanaCodes<>(PskKeyExchangeMode.class);

    private final int code;
    private final String ianaName;

    PskKeyExchangeMode(int code, String ianaName) {
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
    public static PskKeyExchangeMode fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The constant whose IANA name (or Java constant name) is {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static PskKeyExchangeMode fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
