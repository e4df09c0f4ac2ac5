package io.siotls.messages;

import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** Finished, RFC 8446 §4.4.4: the HMAC over the transcript. */
public record Finished(byte[] verifyData) implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeBytes(verifyData);
    }

    /** The verify_data length is the hash length; any other length is a decode error. */
    public static Finished parse(TLSReader body, int hashLength) {
        byte[] verifyData = body.readBytes(hashLength, "verify_data");
        body.expectEnd("Finished");
        return new Finished(verifyData);
    }
}
