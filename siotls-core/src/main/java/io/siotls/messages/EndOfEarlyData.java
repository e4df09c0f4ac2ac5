package io.siotls.messages;

import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/**
 * EndOfEarlyData, RFC 8446 §4.5: the client's last message under the client_early_traffic_secret,
 * sent when the server accepted its 0-RTT data; its body is empty.
 */
public record EndOfEarlyData() implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        // struct {} EndOfEarlyData (RFC 8446 §4.5)
    }

    public static EndOfEarlyData parse(TLSReader body) {
        body.expectEnd("EndOfEarlyData");
        return new EndOfEarlyData();
    }
}
