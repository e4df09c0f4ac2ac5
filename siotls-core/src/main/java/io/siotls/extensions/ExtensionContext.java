package io.siotls.extensions;

/**
 * The message an extension block belongs to; several extensions have a different shape in each
 * (RFC 8446 §4.2 table).
 */
public enum ExtensionContext {
    CLIENT_HELLO,
    SERVER_HELLO,
    HELLO_RETRY_REQUEST,
    ENCRYPTED_EXTENSIONS,
    CERTIFICATE_REQUEST,
    CERTIFICATE,
    NEW_SESSION_TICKET
}
