package io.siotls.jsse;

/**
 * Told of every handshake the engines and sockets of a {@link SiotlsSSLContext} run, once it
 * completed or failed; for metrics and audit logs. Called on the thread that drove the handshake,
 * so it must be quick and must not throw.
 */
public interface HandshakeListener {

    /** A handshake completed: {@link HandshakeEvent#negotiated()} is set. */
    default void handshakeCompleted(HandshakeEvent event) {
    }

    /** A handshake failed: {@link HandshakeEvent#failure()} is set. */
    default void handshakeFailed(HandshakeEvent event) {
    }
}
