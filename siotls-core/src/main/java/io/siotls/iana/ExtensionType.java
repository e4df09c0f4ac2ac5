package io.siotls.iana;

/**
 * TLS extension types, RFC 8446 §4.2 and the IANA TLS ExtensionType Values registry.
 */
public enum ExtensionType implements IanaCode {
    SERVER_NAME(0, "server_name"),
    MAX_FRAGMENT_LENGTH(1, "max_fragment_length"),
    STATUS_REQUEST(5, "status_request"),
    SUPPORTED_GROUPS(10, "supported_groups"),
    EC_POINT_FORMATS(11, "ec_point_formats"),
    SIGNATURE_ALGORITHMS(13, "signature_algorithms"),
    USE_SRTP(14, "use_srtp"),
    HEARTBEAT(15, "heartbeat"),
    APPLICATION_LAYER_PROTOCOL_NEGOTIATION(16, "application_layer_protocol_negotiation"),
    SIGNED_CERTIFICATE_TIMESTAMP(18, "signed_certificate_timestamp"),
    CLIENT_CERTIFICATE_TYPE(19, "client_certificate_type"),
    SERVER_CERTIFICATE_TYPE(20, "server_certificate_type"),
    PADDING(21, "padding"),
    ENCRYPT_THEN_MAC(22, "encrypt_then_mac"),
    EXTENDED_MASTER_SECRET(23, "extended_master_secret"),
    RECORD_SIZE_LIMIT(28, "record_size_limit"),
    SESSION_TICKET(35, "session_ticket"),
    PRE_SHARED_KEY(41, "pre_shared_key"),
    EARLY_DATA(42, "early_data"),
    SUPPORTED_VERSIONS(43, "supported_versions"),
    COOKIE(44, "cookie"),
    PSK_KEY_EXCHANGE_MODES(45, "psk_key_exchange_modes"),
    CERTIFICATE_AUTHORITIES(47, "certificate_authorities"),
    OID_FILTERS(48, "oid_filters"),
    POST_HANDSHAKE_AUTH(49, "post_handshake_auth"),
    SIGNATURE_ALGORITHMS_CERT(50, "signature_algorithms_cert"),
    KEY_SHARE(51, "key_share"),
    RENEGOTIATION_INFO(65281, "renegotiation_info");

    private static final IanaCodes<ExtensionType> CODES = new IanaCodes<>(ExtensionType.class);

    private final int code;
    private final String ianaName;

    ExtensionType(int code, String ianaName) {
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
    public static ExtensionType fromCode(int code) {
        return CODES.fromCode(code);
    }

    /**
     * The constant whose IANA name (or Java constant name) is {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static ExtensionType fromName(String name) {
        return CODES.fromName(name);
    }

    @Override
    public String toString() {
        return ianaName;
    }
}
