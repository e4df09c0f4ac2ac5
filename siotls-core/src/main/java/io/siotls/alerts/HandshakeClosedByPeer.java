package io.siotls.alerts;

/**
 * The peer sent close_notify before the handshake completed (RFC 8446 §6.1): it will send
 * nothing more, so the handshake cannot complete. Not an error alert of either side: the
 * connection answers with its own close_notify and ends.
 */
public class HandshakeClosedByPeer extends TLSException {

    public HandshakeClosedByPeer(String message) {
        super(message);
    }
}
