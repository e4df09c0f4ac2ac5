package io.siotls.jsse;

import io.siotls.Side;
import io.siotls.TLSNegotiatedConfiguration;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * One handshake's outcome, as a {@link HandshakeListener} sees it.
 *
 * @param side the side of the engine or socket that ran it
 * @param duration from the start of the handshake to its end
 * @param negotiated what was negotiated, or {@code null} when the handshake failed
 * @param failure why it failed, or {@code null} when it completed
 * @param peerHost the peer's host as the engine was given it ({@code createSSLEngine(host, port)}),
 *        or {@code null} when it was created without
 * @param peerPort the peer's port as the engine was given it, or {@code -1}
 * @param session the session of the engine that ran it, the very object its {@code getSession()}
 *        returns (a socket's is its engine's): a server that made its engines without the peer's
 *        address, but knows which engine serves which connection, finds the peer by it
 */
public record HandshakeEvent(Side side, Duration duration, TLSNegotiatedConfiguration negotiated,
        SSLException failure, String peerHost, int peerPort, SSLSession session) {

    /** An event without the peer's address or the session. */
    public HandshakeEvent(Side side, Duration duration, TLSNegotiatedConfiguration negotiated, SSLException failure) {
        this(side, duration, negotiated, failure, null, -1, null);
    }

    /** Whether the handshake completed. */
    public boolean succeeded() {
        return failure == null;
    }

    /** Whether the handshake completed by resuming a session with a ticket (RFC 8446 §2.2). */
    public boolean resumed() {
        return negotiated != null && negotiated.resumed();
    }

    /** {@code host:port} of the peer, or {@code null} when the engine was not told it. */
    public String peerAddress() {
        if (peerHost == null) {
            return null;
        }
        return peerPort < 0 ? peerHost : peerHost + ":" + peerPort;
    }
}
