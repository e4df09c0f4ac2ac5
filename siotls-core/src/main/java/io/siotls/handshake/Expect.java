package io.siotls.handshake;

import io.siotls.alerts.UnexpectedMessage;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;

/** A state that accepts one message type; any other is unexpected_message (RFC 8446 §6.2). */
abstract class Expect implements State {

    private final HandshakeType expected;

    Expect(HandshakeType expected) {
        this.expected = expected;
    }

    @Override
    public final State handle(int type, byte[] message) {
        if (type != expected.code()) {
            throw unexpected(type, "waiting for " + expected.ianaName());
        }
        return on(message);
    }

    /** Consumes the expected message. */
    abstract State on(byte[] message);

    /** A reader over the body of a received message, after its 4-byte header. */
    static TLSReader body(byte[] message) {
        return new TLSReader(message, 4, message.length - 4);
    }

    static UnexpectedMessage unexpected(int type, String state) {
        HandshakeType known = HandshakeType.fromCode(type);
        return new UnexpectedMessage("received " + (known == null ? "handshake type " + type : known.ianaName())
                + " while " + state);
    }

    /** The state before {@link Handshake#start}: every message is unexpected. */
    static final State NOT_STARTED = new State() {
        @Override
        public State handle(int type, byte[] message) {
            throw unexpected(type, "in state START");
        }

        @Override
        public boolean acceptsChangeCipherSpec() {
            return false;
        }
    };
}
