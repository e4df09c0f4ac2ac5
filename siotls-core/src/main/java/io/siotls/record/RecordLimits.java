package io.siotls.record;

/** Sizes and constants of the TLS 1.3 record layer, RFC 8446 §5.1 and §5.2. */
public final class RecordLimits {

    /** Length of a record header: content type (1), legacy_record_version (2), length (2). */
    public static final int HEADER_LENGTH = 5;

    /** Largest TLSPlaintext.fragment, and largest TLSInnerPlaintext content: 2^14 bytes. */
    public static final int MAX_PLAINTEXT_LENGTH = 1 << 14;

    /** Largest TLSInnerPlaintext (content, content type and padding): 2^14 + 1 bytes (RFC 8446 §5.4). */
    public static final int MAX_INNER_PLAINTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 1;

    /** Largest TLSCiphertext.encrypted_record: 2^14 + 256 bytes. */
    public static final int MAX_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 256;

    /** Largest record a peer may send, header included: a buffer this big always holds one record. */
    public static final int MAX_RECORD_LENGTH = HEADER_LENGTH + MAX_CIPHERTEXT_LENGTH;

    /** The legacy_record_version of every TLS 1.3 record but possibly the first ClientHello. */
    public static final int LEGACY_VERSION_TLS12 = 0x0303;

    /** The legacy_record_version a client MAY use for its initial ClientHello. */
    public static final int LEGACY_VERSION_TLS10 = 0x0301;

    private RecordLimits() {
    }
}
