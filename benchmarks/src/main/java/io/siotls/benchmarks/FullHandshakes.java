package io.siotls.benchmarks;

import javax.net.ssl.SSLException;

/**
 * Full handshakes between the engines of one {@link Contexts}, each on a new {@link EnginePair}
 * over the same reused buffers: the measured step of the handshake benchmarks. Made in a
 * benchmark's setup, where it runs one handshake first, so a broken configuration fails there.
 */
final class FullHandshakes implements HandshakeSource {

    private final Contexts contexts;
    private final PairBuffers buffers;

    FullHandshakes(Contexts contexts) throws SSLException {
        this.contexts = contexts;
        this.buffers = PairBuffers.forContexts(contexts);
        next();
    }

    /** One full handshake on new engines, whose native state (BoringSSL's) is then freed. */
    @Override
    public EnginePair next() throws SSLException {
        EnginePair pair = new EnginePair(contexts, null, buffers);
        pair.handshake();
        pair.release();
        return pair;
    }
}
