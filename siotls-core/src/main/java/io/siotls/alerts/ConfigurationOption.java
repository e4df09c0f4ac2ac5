package io.siotls.alerts;

/**
 * The option of a TLS configuration a {@link TLSConfigurationException} is about, with the
 * siotls name its messages use.
 */
public enum ConfigurationOption {
    CIPHER_SUITES("cipher_suites"),
    KEY_EXCHANGES("key_exchanges"),
    SIGNATURE_ALGORITHMS("signature_algorithms"),
    PRIVATE_KEY_SIGNATURE_ALGORITHMS("private_key_signature_algorithms"),
    ALPN("alpn"),
    PRIVATE_KEY("private_key"),
    CERTIFICATE_CHAIN("certificate_chain"),
    PUBLIC_KEY("public_key"),
    /** One more chain and its key, given apart from certificate_chain and private_key. */
    SIGNING_CHAIN("signing_chain"),
    TRUSTSTORE("truststore"),
    TRUSTED_PUBLIC_KEYS("trusted_public_keys"),
    CLIENT_AUTHENTICATION("client_authentication"),
    OCSP_RESPONSE("ocsp_response"),
    REQUEST_OCSP_STAPLING("request_ocsp_stapling"),
    KEY_LOG_FILE("key_log_file"),
    INSECURE_NO_PEER_VERIFICATION("insecure_no_peer_verification"),
    LIMITS_MAX_HANDSHAKE_MESSAGE_LENGTH("limits.max_handshake_message_length"),
    LIMITS_MAX_CERTIFICATE_CHAIN_LENGTH("limits.max_certificate_chain_length"),
    LIMITS_MAX_BUFFERED_APPLICATION_DATA("limits.max_buffered_application_data"),
    LIMITS_MAX_EMPTY_RECORDS("limits.max_empty_records"),
    LIMITS_MAX_WARNING_ALERTS("limits.max_warning_alerts"),
    LIMITS_MAX_CHANGE_CIPHER_SPEC_RECORDS("limits.max_change_cipher_spec_records"),
    LIMITS_MAX_KEY_UPDATES("limits.max_key_updates"),
    LIMITS_MAX_HANDSHAKE_DURATION("limits.max_handshake_duration"),
    /** How many NewSessionTickets a server sends after each full handshake (RFC 8446 §4.6.1); 0 turns resumption off. */
    SESSION_TICKETS("session_tickets"),
    SESSION_TICKET_LIFETIME("session_ticket_lifetime"),
    /** The keys sealing the server's tickets, and their rotation. */
    SESSION_TICKET_KEYS("session_ticket_keys"),
    /** The 0-RTT data a server accepts (RFC 8446 §4.2.10); 0 accepts none. */
    MAX_EARLY_DATA("max_early_data"),
    /** The external pre-shared keys (RFC 8446 §4.2.11) a server accepts, or the one a client offers. */
    EXTERNAL_PSKS("external_psks"),
    /** psk_ke, PSK without (EC)DHE and so without forward secrecy (RFC 8446 §4.2.9). */
    PSK_KE_WITHOUT_FORWARD_SECRECY("psk_ke_without_forward_secrecy");

    private final String siotlsName;

    ConfigurationOption(String siotlsName) {
        this.siotlsName = siotlsName;
    }

    /** The name messages give the option, e.g. {@code private_key} or {@code limits.max_key_updates}. */
    public String siotlsName() {
        return siotlsName;
    }

    @Override
    public String toString() {
        return siotlsName;
    }
}
