package io.siotls.iana;

/**
 * Alert levels, RFC 8446 §6.
 */
public enum AlertLevel implements IanaCode {
    WARNING(1, "warning"),
    FATAL(2, "fatal");

    private static final IanaCodes<AlertLevel> CODES = new IanaCodes<>(AlertLevel.class);

    private final int code;
    private final String ianaName;

    AlertLevel(int code, String ianaName) {
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
    public static AlertLevel fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The constant whose IANA name (or Java constant name) is {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static AlertLevel fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
