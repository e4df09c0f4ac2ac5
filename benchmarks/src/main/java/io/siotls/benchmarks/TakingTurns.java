package io.siotls.benchmarks;

import javax.net.ssl.SSLException;

/**
 * Two handshake sources taking turns on one thread: siotls in some configuration and a reference
 * (another implementation, or siotls configured otherwise). Each call runs one handshake of each,
 * the order alternating from call to call, and adds each one's own time to {@link TurnNanos}.
 * Both thus run under the same conditions at every moment, so that the ratio of their times
 * within one iteration holds still while the machine's speed moves, which on a shared virtual
 * machine it does by more than a third from one minute to the next.
 */
final class TakingTurns {

    private final HandshakeSource siotls;
    private final HandshakeSource reference;
    private boolean siotlsFirst;

    TakingTurns(HandshakeSource siotls, HandshakeSource reference) {
        this.siotls = siotls;
        this.reference = reference;
    }

    /** One handshake of each, timed apart; returns one of the two pairs for the benchmark to sink. */
    EnginePair next(TurnNanos nanos) throws SSLException {
        siotlsFirst = !siotlsFirst;
        HandshakeSource first = siotlsFirst ? siotls : reference;
        HandshakeSource second = siotlsFirst ? reference : siotls;
        long start = System.nanoTime();
        EnginePair firstPair = first.next();
        long middle = System.nanoTime();
        EnginePair secondPair = second.next();
        long end = System.nanoTime();
        if (siotlsFirst) {
            nanos.siotlsNanos += middle - start;
            nanos.referenceNanos += end - middle;
        } else {
            nanos.referenceNanos += middle - start;
            nanos.siotlsNanos += end - middle;
        }
        return (start & 1) == 0 ? firstPair : secondPair;
    }
}
