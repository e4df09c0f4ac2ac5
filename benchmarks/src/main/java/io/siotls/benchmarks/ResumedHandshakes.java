package io.siotls.benchmarks;

import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.security.cert.CertificateEncodingException;
import javax.net.ssl.SSLException;

/**
 * Resumed handshakes (RFC 8446 §2.2) between the engines of one {@link Contexts} with the ECDSA
 * P-256 chain: each connection is made for one peer, offers a ticket of an earlier connection and
 * receives the server's new tickets, as a client reconnecting to one server does. Every handshake
 * is checked: a server flight large enough to hold the certificate means a full handshake, and
 * {@link #requireEveryHandshakeResumed} then fails the run, so that an implementation that stops
 * resuming is never measured as a fast one. Made in a benchmark's setup, where a first full
 * handshake and a few checked resumed ones run before anything is measured.
 */
final class ResumedHandshakes implements HandshakeSource {

    /** The peer every client engine is made for: the key of the client session caches. */
    private static final String PEER_HOST = "localhost";
    private static final int PEER_PORT = 8443;
    /** Resumed handshakes checked on creation, before anything is measured. */
    private static final int CHECKED_FIRST = 3;

    private final Implementation implementation;
    private final Contexts contexts;
    private final PairBuffers buffers;
    private final int certificateBytes;
    private long resumed;
    private long full;

    ResumedHandshakes(Implementation implementation) throws SSLException {
        this.implementation = implementation;
        this.contexts = Contexts.of(implementation, KeyType.EC_P256, false);
        this.buffers = PairBuffers.forContexts(contexts);
        try {
            this.certificateBytes = TestPki.server(KeyType.EC_P256).chain().get(0).getEncoded().length;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the test server certificate cannot be encoded", e);
        }
        next();
        full = 0;
        for (int i = 0; i < CHECKED_FIRST; i++) {
            next();
        }
        requireEveryHandshakeResumed("after a first full handshake");
    }

    @Override
    public EnginePair next() throws SSLException {
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

    /** Fails when a handshake since the last call was a full one; {@code when} says since what. */
    void requireEveryHandshakeResumed(String when) {
        if (full > 0) {
            throw new IllegalStateException(implementation + " ran " + full + " full handshakes and " + resumed
                    + " resumed ones " + when + ": it does not resume, and would be measured as something else");
        }
        resumed = 0;
    }
}
