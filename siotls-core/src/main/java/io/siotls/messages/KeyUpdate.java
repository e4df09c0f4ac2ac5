package io.siotls.messages;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** KeyUpdate, RFC 8446 §4.6.3. */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeUint8(updateRequested ? 1 : 0);
    }

    public static KeyUpdate parse(TLSReader body) {
        int request = body.readUint8("request_update");
        body.expectEnd("KeyUpdate");
        if (request > 1) {
            throw new IllegalParameter("KeyUpdate request_update " + request + " is neither 0 nor 1");
        }
        return new KeyUpdate(request == 1);
    }
}
