package io.siotls.handshake;

/**
 * One state of a handshake (RFC 8446 Appendix A): it consumes the message it expects and returns
 * the next state, constructed with exactly what that state may use. A state that is left is
 * garbage.
 */
interface State {

    /** Consumes one complete handshake message, header included, and returns the next state. */
    State handle(int type, byte[] message);

    /** Whether a change_cipher_spec record is tolerated in this state (RFC 8446 §5). */
    default boolean acceptsChangeCipherSpec() {
        return true;
    }
}
