package io.siotls.extensions;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** heartbeat, RFC 6520 §2: whether the sender lets its peer send HeartbeatRequest messages. */
public record HeartbeatExtension(int mode) implements Extension {

    /** HeartbeatMode peer_allowed_to_send. */
    public static final int PEER_ALLOWED_TO_SEND = 1;
    /** HeartbeatMode peer_not_allowed_to_send. */
    public static final int PEER_NOT_ALLOWED_TO_SEND = 2;

    @Override
    public int typeCode() {
        return ExtensionType.HEARTBEAT.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        writer.writeUint8(mode);
    }

    static HeartbeatExtension parse(TLSReader reader) {
        int mode = reader.readUint8("heartbeat mode");
        reader.expectEnd("heartbeat");
        if (mode != PEER_ALLOWED_TO_SEND && mode != PEER_NOT_ALLOWED_TO_SEND) {
            throw new IllegalParameter("unknown heartbeat mode " + mode + " (RFC 6520 §2)");
        }
        return new HeartbeatExtension(mode);
    }
}
