package io.siotls.record;

import io.siotls.iana.HandshakeType;

/**
 * One complete handshake message (RFC 8446 §4) as {@link HandshakeReassembler} rebuilt it: its
 * type and its exact bytes, 4-byte header included, as the transcript hash needs them.
 */
public final class EncodedHandshakeMessage {

    /** Length of the handshake header: msg_type (1) and length (3). */
    public static final int HEADER_LENGTH = 4;

    private final byte[] bytes;

    EncodedHandshakeMessage(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The msg_type code, known to {@link HandshakeType} or not. */
    public int type() {
        return bytes[0] & 0xff;
    }

    /** The registered type, or null when the code is unknown. */
    public HandshakeType knownType() {
        return HandshakeType.fromCode(type());
    }

    /** The whole message, header included; the array belongs to the caller. */
    public byte[] bytes() {
        return bytes;
    }

    /** Length of the body (the message less its 4-byte header). */
    public int bodyLength() {
        return bytes.length - HEADER_LENGTH;
    }

    @Override
    public String toString() {
        HandshakeType known = knownType();
        return (known == null ? "handshake type " + type() : known.ianaName()) + " of " + bodyLength() + " bytes";
    }
}
