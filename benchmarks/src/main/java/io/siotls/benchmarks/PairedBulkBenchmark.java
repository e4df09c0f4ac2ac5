package io.siotls.benchmarks;

import java.nio.ByteBuffer;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The transfers of {@link BulkBenchmark} (one write of {@code size} bytes sealed by the client and
 * opened by the server), siotls and SunJSSE taking turns ({@link TakingTurns}) sixteen writes at a
 * time, so that their ratio is measured under the same conditions: the bulk ratios' counterpart
 * of {@link PairedHandshakeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PairedBulkBenchmark {

    /** Writes of each per turn: a 1 KiB write takes a few microseconds, its timing tens of nanoseconds. */
    private static final int WRITES_PER_TURN = 16;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    @Param({"16384", "1024"})
    public int size;

    private EnginePair siotls;
    private EnginePair sunJsse;
    private TakingTurns turns;

    @Setup
    public void connect() throws SSLException {
        siotls = EnginePair.established(Implementation.SIOTLS, suite);
        sunJsse = EnginePair.established(Implementation.SUNJSSE, suite);
        ByteBuffer siotlsPlaintext = ByteBuffer.allocate(size);
        ByteBuffer sunJssePlaintext = ByteBuffer.allocate(size);
        turns = new TakingTurns(() -> siotls.transfer(siotlsPlaintext.clear()),
                () -> sunJsse.transfer(sunJssePlaintext.clear()), WRITES_PER_TURN);
    }

    @TearDown
    public void release() {
        siotls.release();
        sunJsse.release();
    }

    @Benchmark
    public Object writesInTurn(TurnNanos nanos) throws SSLException {
        return turns.next(nanos);
    }
}
