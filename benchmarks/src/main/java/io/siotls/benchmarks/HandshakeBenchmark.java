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
 * Full TLS 1.3 handshakes, client and server together on one thread, x25519, with an ECDSA
 * P-256 or an RSA-2048 chain, with and without mutual TLS: handshakes per second. BoringSSL's
 * native engine state is freed inside the measured method, as a user of it must.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmark {

    @Param({"SIOTLS", "SUNJSSE", "BCJSSE", "BORINGSSL"})
    public Implementation implementation;

    @Param({"EC_P256", "RSA_2048"})
    public KeyType chain;

    @Param({"false", "true"})
    public boolean mutual;

    private FullHandshakes handshakes;

    @Setup
    public void makeContexts() throws SSLException {
        handshakes = new FullHandshakes(Contexts.of(implementation, chain, mutual));
    }

    @Benchmark
    public EnginePair fullHandshake() throws SSLException {
        return handshakes.next();
    }
}
