package io.siotls.iana;

/**
 * Handshake message types, RFC 8446 §4.
 */
public enum HandshakeType implements IanaCode {
    CLIENT_HELLO(1, "client_hello"),
    SERVER_HELLO(2, "server_hello"),
    NEW_SESSION_TICKET(4, "new_session_ticket"),
    END_OF_EARLY_DATA(5, "end_of_early_data"),
    ENCRYPTED_EXTENSIONS(8, "encrypted_extensions"),
    CERTIFICATE(11, "certificate"),
    CERTIFICATE_REQUEST(13, "certificate_request"),
    CERTIFICATE_VERIFY(15, "certificate_verify"),
    FINISHED(20, "finished"),
    KEY_UPDATE(24, "key_update"),
    COMPRESSED_CERTIFICATE(25, "compressed_certificate"),
    MESSAGE_HASH(254, "message_hash");

    private static final IanaCodes<HandshakeType> CODES = new IanaCodes<>(HandshakeType.class);

    private final int code;
    private final String ianaName;

    HandshakeType(int code, String ianaName) {
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
    public static HandshakeType fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The constant whose IANA name (or Java constant name) is {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static HandshakeType fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
