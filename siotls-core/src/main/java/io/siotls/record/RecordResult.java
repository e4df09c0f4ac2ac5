package io.siotls.record;

import io.siotls.iana.ContentType;

/**
 * The outcome of sealing or opening one record between ByteBuffers (the allocation-free path of
 * {@link RecordWriter#seal} and {@link RecordReader#open}). Each writer and reader owns one
 * instance and returns it from every call, so read it before the next call.
 */
public final class RecordResult {

    /** What happened. */
    public enum Status {
        /** One record was sealed or opened. */
        OK,
        /** The source does not hold a whole record yet: see {@link #bytesNeeded()}. Nothing was consumed. */
        NEED_MORE_INPUT,
        /** The destination has too little room: see {@link #bytesNeeded()}. Nothing was consumed. */
        DST_TOO_SMALL,
        /**
         * One record of rejected early data was consumed and dropped (RFC 8446 §4.2.10): nothing
         * was produced; see {@link RecordReader#skipRejectedEarlyData}.
         */
        SKIPPED
    }

    private Status status = Status.OK;
    private ContentType type;
    private boolean wasProtected;
    private int bytesConsumed;
    private int bytesProduced;
    private int bytesNeeded;

    RecordResult() {
    }

    /** What happened. */
    public Status status() {
        return status;
    }

    /** The content type of the record sealed or opened (the inner type when it was protected); null unless OK. */
    public ContentType type() {
        return type;
    }

    /** Whether the record was AEAD-protected on the wire. */
    public boolean wasProtected() {
        return wasProtected;
    }

    /** Bytes taken from the source: the content bytes when sealing, the whole record when opening. */
    public int bytesConsumed() {
        return bytesConsumed;
    }

    /** Bytes written to the destination: the whole record when sealing, the content when opening. */
    public int bytesProduced() {
        return bytesProduced;
    }

    /**
     * For {@link Status#NEED_MORE_INPUT}: how many bytes the source must hold from its position
     * (the header, or the whole record once the header is known). For
     * {@link Status#DST_TOO_SMALL}: how many bytes the destination must have remaining. Else 0.
     */
    public int bytesNeeded() {
        return bytesNeeded;
    }

    RecordResult ok(ContentType type, boolean wasProtected, int consumed, int produced) {
        return set(Status.OK, type, wasProtected, consumed, produced, 0);
    }

    RecordResult skipped(int consumed) {
        return set(Status.SKIPPED, null, false, consumed, 0, 0);
    }

    RecordResult needMoreInput(int needed) {
        return set(Status.NEED_MORE_INPUT, null, false, 0, 0, needed);
    }

    RecordResult dstTooSmall(int needed) {
        return set(Status.DST_TOO_SMALL, null, false, 0, 0, needed);
    }

    private RecordResult set(Status status, ContentType type, boolean wasProtected, int consumed, int produced,
            int needed) {
        this.status = status;
        this.type = type;
        this.wasProtected = wasProtected;
        this.bytesConsumed = consumed;
        this.bytesProduced = produced;
        this.bytesNeeded = needed;
        return this;
    }

    @Override
    public String toString() {
        return status + switch (status) {
            case OK -> " " + type + (wasProtected ? " protected" : "") + " consumed=" + bytesConsumed
                    + " produced=" + bytesProduced;
            case SKIPPED -> " consumed=" + bytesConsumed;
            default -> " needed=" + bytesNeeded;
        };
    }
}
