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
 * Full TLS 1.3 handshakes as in {@link HandshakeBenchmark} (ECDSA P-256 chain, no client
 * certificate) over X25519MLKEM768 beside x25519: what the post-quantum hybrid costs siotls,
 * and the same for BoringSSL. SunJSSE (no hybrid up to JDK 25) runs with x25519 only, for scale;
 * {@code benchmarks/run.sh} asks only for the combinations that exist.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PostQuantumHandshakeBenchmark {

    @Param({"SIOTLS", "BORINGSSL"})
    public Implementation implementation;

    @Param({"x25519", "X25519MLKEM768"})
    public String group;

    private FullHandshakes handshakes;

    @Setup
    public void makeContexts() throws SSLException {
        handshakes = new FullHandshakes(Contexts.of(implementation, KeyType.EC_P256, false, group));
    }

    @Benchmark
    public EnginePair fullHandshake() throws SSLException {
        return handshakes.next();
    }
}
