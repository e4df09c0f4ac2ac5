package io.siotls;

/**
 * What became of a connection's 0-RTT data, RFC 8446 §2.3 and §4.2.10.
 */
public enum EarlyDataStatus {
    /** No early data was offered: no ticket allowing it, no data given, or (server-side) none sent. */
    NOT_OFFERED,
    /** The client sent early_data and the server has not answered yet (client-side, before EncryptedExtensions). */
    PENDING,
    /** The server accepted the early data: it was delivered to the server's application before the handshake completed. */
    ACCEPTED,
    /**
     * The server rejected the early data (no early_data in EncryptedExtensions, a HelloRetryRequest,
     * another ticket or none resumed, a replay or a stale ticket age): the server skipped it unread.
     * The client does not send it again by itself: the application decides whether it is safe to.
     */
    REJECTED
}
