package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.alerts.UnexpectedMessage;

/**
 * A TLS 1.3 handshake as a sequence of {@link State}s (RFC 8446 Appendix A), each consuming one
 * message and returning the next; after the handshake, the {@link Connected} state handles the
 * post-handshake messages (RFC 8446 §4.6).
 */
public abstract class Handshake {

    private State state = Expect.NOT_STARTED;

    Handshake() {
    }

    /** Starts the handshake: the client sends its ClientHello, the server waits for it. */
    public final void start() {
        if (state != Expect.NOT_STARTED) {
            throw new IllegalStateException("the handshake already started");
        }
        state = first();
    }

    /** The first state: on a client, after sending the ClientHello. */
    abstract State first();

    /** Processes one complete handshake message, during or after the handshake. */
    public final void receive(int type, byte[] message) {
        state = state.handle(type, message);
    }

    /** Whether a change_cipher_spec record is tolerated now (RFC 8446 §5). */
    public final boolean acceptsChangeCipherSpec() {
        return state.acceptsChangeCipherSpec();
    }

    /**
     * Server-side: whether 0-RTT data may arrive now, the client's early data accepted and its
     * EndOfEarlyData not received yet (RFC 8446 §2.3).
     */
    public final boolean readsEarlyData() {
        return state instanceof ExpectEndOfEarlyData;
    }

    /**
     * Server-side: counts {@code length} bytes of early data received; unexpected_message past the
     * ticket's max_early_data_size, or when no early data may arrive (RFC 8446 §4.2.10).
     */
    public final void receiveEarlyData(int length) {
        if (!(state instanceof ExpectEndOfEarlyData early)) {
            throw new UnexpectedMessage("application data before the handshake completed");
        }
        early.receiveEarlyData(length);
    }

    public final boolean isComplete() {
        return state instanceof Connected;
    }

    /** What was negotiated, once the handshake completed; {@code null} before. */
    public final TLSNegotiatedConfiguration negotiated() {
        return state instanceof Connected connected ? connected.negotiated() : null;
    }

    /**
     * Server only: asks the client for its certificate after the handshake, RFC 8446 §4.6.2. The
     * client's answer is checked as it arrives; {@link #negotiated()} then holds its chain.
     *
     * @param required whether an empty Certificate fails with certificate_required
     * @throws IllegalStateException when {@link #checkClientCertificateRequest} does
     */
    public final void requestClientCertificate(boolean required) {
        checkClientCertificateRequest();
        ((Connected) state).requestClientCertificate(required);
    }

    /** Whether this server waits for the client's answer to a post-handshake CertificateRequest (RFC 8446 §4.6.2). */
    public final boolean awaitingClientAuthentication() {
        return state instanceof Connected connected && connected.awaitingClientAuthentication();
    }

    /**
     * Checks that {@link #requestClientCertificate} may be called now, without changing anything.
     *
     * @throws IllegalStateException before the handshake completed, on a client, when the client did
     *         not offer post_handshake_auth, without a truststore, or while an earlier request is unanswered
     */
    public final void checkClientCertificateRequest() {
        if (!(state instanceof Connected connected)) {
            throw new IllegalStateException("client authentication after the handshake needs a completed handshake");
        }
        connected.checkClientCertificateRequest();
    }

    /** Sends a KeyUpdate and moves the sending direction to the next secret, RFC 8446 §4.6.3. */
    public final void updateWriteKeys(boolean requestPeerUpdate) {
        if (!(state instanceof Connected connected)) {
            throw new IllegalStateException("KeyUpdate is only possible once the handshake completed");
        }
        connected.updateWriteKeys(requestPeerUpdate);
    }
}
