package io.siotls.benchmarks;

import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Resumed TLS 1.3 handshakes (RFC 8446 §2.2, psk_dhe_ke, x25519), client and server together on
 * one thread, with the ECDSA P-256 chain of {@link HandshakeBenchmark}'s full handshakes: see
 * {@link ResumedHandshakes}, which fails the run when one did not resume. The two system
 * properties are SunJSSE's defaults, set explicitly because Netty's OpenSSL engine reads them too
 * and, unset, sends and accepts no session ticket.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = {"-Djdk.tls.client.enableSessionTicketExtension=true",
        "-Djdk.tls.server.enableSessionTicketExtension=true"})
public class ResumedHandshakeBenchmark {

    /**
     * siotls and SunJSSE. BouncyCastle's JSSE and Netty's BoringSSL engine ran only full handshakes
     * with the same engines made for a peer and the tickets delivered, so they are left out rather
     * than measured as something else.
     */
    @Param({"SIOTLS", "SUNJSSE"})
    public Implementation implementation;

    private ResumedHandshakes handshakes;

    @Setup
    public void makeContextsAndAFirstSession() throws SSLException {
        handshakes = new ResumedHandshakes(implementation);
    }

    @Benchmark
    public EnginePair resumedHandshake() throws SSLException {
        return handshakes.next();
    }

    @TearDown(Level.Iteration)
    public void checkTheIterationResumedOnly() {
        handshakes.requireEveryHandshakeResumed("during the iteration");
    }
}
