package io.siotls.benchmarks;

import javax.net.ssl.SSLException;

/**
 * Two operations taking turns on one thread: siotls's in some configuration and a reference's
 * (another implementation, or siotls configured otherwise), a handshake or a record's transfer.
 * Each call runs {@code repeat} of each, the order alternating from call to call, and adds each
 * one's own time to {@link TurnNanos}.
 * Both thus run under the same conditions at every moment, so that the ratio of their times
 * within one iteration holds still while the machine's speed moves, which on a shared virtual
 * machine it does by more than a third from one minute to the next.
 */
final class TakingTurns {

    /** One measured operation. */
    interface Turn {
        /** Runs the operation once; returns something of it for the benchmark to sink. */
        Object take() throws SSLException;
    }

    private final Turn siotls;
    private final Turn reference;
    private final int repeat;
    private boolean siotlsFirst;

    /** One operation of each per call: for handshakes, long enough to time one by one. */
    TakingTurns(HandshakeSource siotls, HandshakeSource reference) {
        this(siotls::next, reference::next, 1);
    }

    /** {@code repeat} operations of each per call: for short ones, whose timing would weigh on one. */
    TakingTurns(Turn siotls, Turn reference, int repeat) {
        this.siotls = siotls;
        this.reference = reference;
        this.repeat = repeat;
    }

    /** The operations of each, timed apart; returns a result of each for the benchmark to sink. */
    Object next(TurnNanos nanos) throws SSLException {
        siotlsFirst = !siotlsFirst;
        Turn first = siotlsFirst ? siotls : reference;
        Turn second = siotlsFirst ? reference : siotls;
        long start = System.nanoTime();
        Object firstResult = null;
        for (int i = 0; i < repeat; i++) {
            firstResult = first.take();
        }
        long middle = System.nanoTime();
        Object secondResult = null;
        for (int i = 0; i < repeat; i++) {
            secondResult = second.take();
        }
        long end = System.nanoTime();
        if (siotlsFirst) {
            nanos.siotlsNanos += middle - start;
            nanos.referenceNanos += end - middle;
        } else {
            nanos.referenceNanos += middle - start;
            nanos.siotlsNanos += end - middle;
        }
        return (start & 1) == 0 ? firstResult : secondResult;
    }
}
