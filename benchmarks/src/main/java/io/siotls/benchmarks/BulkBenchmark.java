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
 * Bulk transfer on an established connection: one application write of {@code size} bytes sealed
 * by the client and opened by the server, per cipher suite, from a heap buffer as Tomcat and
 * Netty hand them to a JDK-style engine. With {@code -prof gc}, {@code gc.alloc.rate.norm} is
 * the allocation per write (one record at up to 16 KiB). {@link JcaAeadBenchmark} is its ceiling.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BulkBenchmark {

    @Param({"SIOTLS", "SUNJSSE", "BCJSSE", "BORINGSSL"})
    public Implementation implementation;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    @Param({"16384", "1024"})
    public int size;

    private EnginePair pair;
    private ByteBuffer plaintext;

    @Setup
    public void connect() throws SSLException {
        pair = EnginePair.established(implementation, suite);
        plaintext = ByteBuffer.allocate(size);
    }

    @TearDown
    public void release() {
        pair.release();
    }

    @Benchmark
    public int sealAndOpen() throws SSLException {
        plaintext.clear();
        return pair.transfer(plaintext);
    }
}
