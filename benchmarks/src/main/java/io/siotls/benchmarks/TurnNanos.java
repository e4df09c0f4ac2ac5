package io.siotls.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link TakingTurns} measured in one iteration: the nanoseconds spent in siotls' handshakes
 * and in the reference's, as many of each. JMH prints both after every measured iteration
 * ({@link TurnLog} reads them back), and their quotient is the speed ratio of that iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class TurnNanos {

    public long siotlsNanos;
    public long referenceNanos;

    @Setup(Level.Iteration)
    public void reset() {
        siotlsNanos = 0;
        referenceNanos = 0;
    }
}
