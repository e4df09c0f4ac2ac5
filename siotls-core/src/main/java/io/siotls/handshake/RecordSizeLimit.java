package io.siotls.handshake;

/** Record size limits, RFC 8449 §4 as TLS 1.3 reads it (the limit counts the inner content type). */
final class RecordSizeLimit {

    private RecordSizeLimit() {
    }

    /** The largest content to put in one record for a peer's record_size_limit. */
    static int plaintextFor(int peerRecordSizeLimit) {
        return Math.min(1 << 14, peerRecordSizeLimit - 1);
    }
}
