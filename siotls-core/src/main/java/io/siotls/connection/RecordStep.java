package io.siotls.connection;

/**
 * The outcome of one {@link RecordConnection#wrap} or {@link RecordConnection#unwrap} step, the unit of
 * work of a JSSE {@code SSLEngine}.
 *
 * @param status what happened
 * @param bytesConsumed bytes taken from the source buffer
 * @param bytesProduced bytes written into the destination buffer
 * @param bytesNeeded with {@link Status#NEED_MORE_INPUT}, how many bytes the source must hold; with
 *        {@link Status#BUFFER_TOO_SMALL}, how much room the destination must have; else 0
 */
public record RecordStep(Status status, int bytesConsumed, int bytesProduced, int bytesNeeded) {

    /** What a step did. */
    public enum Status {
        /** The step went through (it may have consumed or produced nothing). */
        OK,
        /** The source does not hold a whole record yet; nothing was consumed. */
        NEED_MORE_INPUT,
        /** The destination is too small for what is ready; nothing was consumed or produced. */
        BUFFER_TOO_SMALL,
        /** That direction of the connection is closed; nothing was consumed or produced. */
        CLOSED
    }

    static RecordStep ok(int consumed, int produced) {
        return new RecordStep(Status.OK, consumed, produced, 0);
    }

    static RecordStep needMoreInput(int needed) {
        return new RecordStep(Status.NEED_MORE_INPUT, 0, 0, needed);
    }

    static RecordStep bufferTooSmall(int needed) {
        return new RecordStep(Status.BUFFER_TOO_SMALL, 0, 0, needed);
    }

    static RecordStep closed() {
        return new RecordStep(Status.CLOSED, 0, 0, 0);
    }
}
