package io.siotls.benchmarks;

import io.siotls.testing.KeyType;
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
 * siotls' resumed handshake ({@link ResumedHandshakes}, ECDSA P-256 chain, psk_dhe_ke over x25519)
 * taking turns ({@link TakingTurns}) with the reference the resumption targets name: siotls' own
 * full handshake with the same chain, or SunJSSE's resumed handshake. Every resumed handshake of
 * either is checked to have resumed, as in {@link ResumedHandshakeBenchmark}, whose system
 * properties this sets for the same reason.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = {"-Djdk.tls.client.enableSessionTicketExtension=true",
        "-Djdk.tls.server.enableSessionTicketExtension=true"})
public class PairedResumptionBenchmark {

    /** What siotls' resumed handshake is set beside. */
    public enum Reference {
        SIOTLS_FULL, SUNJSSE_RESUMED
    }

    @Param({"SIOTLS_FULL", "SUNJSSE_RESUMED"})
    public Reference reference;

    private ResumedHandshakes siotls;
    private ResumedHandshakes sunJsse;
    private TakingTurns turns;

    @Setup
    public void makeContextsAndFirstSessions() throws SSLException {
        siotls = new ResumedHandshakes(Implementation.SIOTLS);
        HandshakeSource other;
        if (reference == Reference.SUNJSSE_RESUMED) {
            sunJsse = new ResumedHandshakes(Implementation.SUNJSSE);
            other = sunJsse;
        } else {
            other = new FullHandshakes(Contexts.of(Implementation.SIOTLS, KeyType.EC_P256, false));
        }
        turns = new TakingTurns(siotls, other);
    }

    @Benchmark
    public Object handshakesInTurn(TurnNanos nanos) throws SSLException {
        return turns.next(nanos);
    }

    @TearDown(Level.Iteration)
    public void checkTheIterationResumedOnly() {
        siotls.requireEveryHandshakeResumed("during the iteration");
        if (sunJsse != null) {
            sunJsse.requireEveryHandshakeResumed("during the iteration");
        }
    }
}
