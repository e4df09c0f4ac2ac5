package io.siotls.iana;

/**
 * TLS record content types, RFC 8446 §5.1 (and RFC 6520 for heartbeat).
 */
public enum ContentType implements IanaCode {
    CHANGE_CIPHER_SPEC(20, "change_cipher_spec"),
    ALERT(21, "alert"),
    HANDSHAKE(22, "handshake"),
    APPLICATION_DATA(23, "application_data"),
    HEARTBEAT(24, "heartbeat");

    private static final IanaCodes<ContentType> CODES = new IanaCodes<>(ContentType.class);

    private final int code;
    private final String ianaName;

    ContentType(int code, String ianaName) {
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
    public static ContentType fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The constant whose IANA name (or Java constant name) is {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static ContentType fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
