package io.siotls.benchmarks;

import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.security.cert.CertificateEncodingException;
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
 * one thread, with the ECDSA P-256 chain of {@link HandshakeBenchmark}'s full handshakes: each
 * connection offers a ticket of an earlier one and receives the server's new tickets, as a
 * client reconnecting to one server does. Every handshake is checked: a server flight large
 * enough to hold the certificate means a full handshake, and fails the run, so that an
 * implementation that stops resuming is never measured as a fast one. The two system properties are
 * SunJSSE's defaults, set explicitly because Netty's OpenSSL engine reads them too and, unset,
 * sends and accepts no session ticket.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = {"-Djdk.tls.client.enableSessionTicketExtension=true",
        "-Djdk.tls.server.enableSessionTicketExtension=true"})
public class ResumedHandshakeBenchmark {

    /** The peer every client engine is made for: the key of the client session caches. */
    private static final String PEER_HOST = "localhost";
    private static final int PEER_PORT = 8443;
    /** Resumed handshakes checked in the setup before anything is measured. */
    private static final int CHECKED_IN_SETUP = 3;

    /**
     * siotls and SunJSSE. BouncyCastle's JSSE and Netty's BoringSSL engine ran only full handshakes
     * with the same engines made for a peer and the tickets delivered (the check below), so they
     * are left out rather than measured as something else.
     */
    @Param({"SIOTLS", "SUNJSSE"})
    public Implementation implementation;

    private Contexts contexts;
    private PairBuffers buffers;
    private int certificateBytes;
    private long resumed;
    private long full;

    @Setup
    public void makeContextsAndAFirstSession() throws SSLException, CertificateEncodingException {
        contexts = Contexts.of(implementation, KeyType.EC_P256, false);
        buffers = PairBuffers.forContexts(contexts);
        certificateBytes = TestPki.server(KeyType.EC_P256).chain().get(0).getEncoded().length;
        connect();
        resumed = 0;
        full = 0;
        for (int i = 0; i < CHECKED_IN_SETUP; i++) {
            connect();
        }
        requireEveryHandshakeResumed("in the setup, after a first full handshake");
    }

    @Benchmark
    public EnginePair resumedHandshake() throws SSLException {
        return connect();
    }

    @TearDown(Level.Iteration)
    public void checkTheIterationResumedOnly() {
        requireEveryHandshakeResumed("during the iteration");
    }

    private EnginePair connect() throws SSLException {
        EnginePair pair = new EnginePair(contexts, PEER_HOST, PEER_PORT, buffers);
        pair.handshake();
        pair.receiveTickets();
        pair.release();
        if (pair.resumed(certificateBytes)) {
            resumed++;
        } else {
            full++;
        }
        return pair;
    }

    private void requireEveryHandshakeResumed(String when) {
        if (full > 0) {
            throw new IllegalStateException(implementation + " ran " + full + " full handshakes and " + resumed
                    + " resumed ones " + when + ": it does not resume, and would be measured as something else");
        }
        resumed = 0;
    }
}
