package io.siotls.messages;

import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSWriter;

/** A handshake message, RFC 8446 §4: {@code msg_type}, a 24-bit length, then the body. */
public interface HandshakeMessage {

    HandshakeType type();

    /** Writes the body, without the 4-byte header. */
    void writeBody(TLSWriter writer);

    /** The whole message as it goes on the wire and into the transcript hash. */
    default byte[] toBytes() {
        TLSWriter writer = new TLSWriter();
        writer.writeUint8(type().code());
        int body = writer.startVector(3);
        writeBody(writer);
        writer.endVector(body);
        return writer.toByteArray();
    }
}
