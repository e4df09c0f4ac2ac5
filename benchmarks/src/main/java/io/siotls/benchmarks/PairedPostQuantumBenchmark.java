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
 * siotls' full handshake over X25519MLKEM768 (ECDSA P-256 chain, no client certificate), taking
 * turns ({@link TakingTurns}) with the reference the post-quantum targets name: siotls' own x25519
 * handshake, or BoringSSL's X25519MLKEM768 handshake through Netty's OpenSSL engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PairedPostQuantumBenchmark {

    /** What siotls' hybrid handshake is set beside. */
    public enum Reference {
        SIOTLS_X25519(Implementation.SIOTLS, Contexts.X25519),
        BORINGSSL_X25519MLKEM768(Implementation.BORINGSSL, PairedPostQuantumBenchmark.HYBRID);

        private final Implementation implementation;
        private final String group;

        Reference(Implementation implementation, String group) {
            this.implementation = implementation;
            this.group = group;
        }
    }

    static final String HYBRID = "X25519MLKEM768";

    @Param({"SIOTLS_X25519", "BORINGSSL_X25519MLKEM768"})
    public Reference reference;

    private TakingTurns turns;

    @Setup
    public void makeContexts() throws SSLException {
        turns = new TakingTurns(new FullHandshakes(Contexts.of(Implementation.SIOTLS, KeyType.EC_P256, false, HYBRID)),
                new FullHandshakes(Contexts.of(reference.implementation, KeyType.EC_P256, false, reference.group)));
    }

    @Benchmark
    public Object handshakesInTurn(TurnNanos nanos) throws SSLException {
        return turns.next(nanos);
    }
}
