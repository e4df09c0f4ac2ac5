package io.siotls.handshake;

/** Record size limits, RFC 8449 §4 as TLS 1.3 reads it (the limit counts the inner content type). */
final class RecordLimits {

    /** The record_size_limit this side announces: a full 2^14 plaintext plus the content type. */
    static final int OWN_RECORD_SIZE_LIMIT = (1 << 14) + 1;

    private RecordLimits() {
    }

    /** The largest content to put in one record for a peer's record_size_limit. */
    static int plaintextFor(int peerRecordSizeLimit) {
        return Math.min(1 << 14, peerRecordSizeLimit - 1);
    }
}
