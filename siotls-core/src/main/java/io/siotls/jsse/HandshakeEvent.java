package io.siotls.jsse;

import io.siotls.Side;
import io.siotls.TLSNegotiatedConfiguration;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * One handshake's outcome, as a {@link HandshakeListener} sees it.
 *
 * @param side the side of the engine or socket that ran it
 * @param duration from the start of the handshake to its end
 * @param negotiated what was negotiated, or {@code null} when the handshake failed
 * @param failure why it failed, or {@code null} when it completed
 */
public record HandshakeEvent(Side side, Duration duration, TLSNegotiatedConfiguration negotiated,
        SSLException failure) {

    /** Whether the handshake completed. */
    public boolean succeeded() {
        return failure == null;
    }
}
