package io.siotls.benchmarks;

import io.siotls.testing.KeyType;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full handshakes of {@link HandshakeBenchmark}, siotls and {@link #reference} taking turns
 * ({@link TakingTurns}): the speed ratios {@link HandshakeTargets} judges come from here, one per
 * measured iteration, and the primary score (pairs of handshakes per second) is only their sum.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PairedHandshakeBenchmark {

    @Param({"BORINGSSL", "SUNJSSE"})
    public Implementation reference;

    @Param({"EC_P256", "RSA_2048"})
    public KeyType chain;

    @Param({"false", "true"})
    public boolean mutual;

    private TakingTurns turns;

    @Setup
    public void makeContexts() throws SSLException {
        if (reference == Implementation.SIOTLS) {
            throw new IllegalArgumentException("the reference must be another implementation than siotls");
        }
        turns = new TakingTurns(new FullHandshakes(Contexts.of(Implementation.SIOTLS, chain, mutual)),
                new FullHandshakes(Contexts.of(reference, chain, mutual)));
    }

    @Benchmark
    public Object handshakesInTurn(TurnNanos nanos) throws SSLException {
        return turns.next(nanos);
    }
}
