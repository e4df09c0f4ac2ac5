package io.siotls.extensions;

import io.siotls.alerts.DecodeError;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * application_layer_protocol_negotiation, RFC 7301 §3.1: the client's protocols, or the one the
 * server selected. Protocol ids are opaque bytes, mapped one to one onto ISO-8859-1 strings.
 */
public record ALPNExtension(List<String> protocols) implements Extension {

    public ALPNExtension {
        protocols = List.copyOf(protocols);
    }

    @Override
    public int typeCode() {
        return ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        int list = writer.startVector(2);
        for (String protocol : protocols) {
            writer.writeOpaque(1, protocol.getBytes(StandardCharsets.ISO_8859_1));
        }
        writer.endVector(list);
    }

    static ALPNExtension parse(TLSReader reader, ExtensionContext context) {
        TLSReader list = reader.readVector(2, 2, 0xffff, "protocol_name_list");
        reader.expectEnd("application_layer_protocol_negotiation");
        List<String> protocols = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] name = list.readOpaque(1, 1, 255, "protocol name");
            protocols.add(new String(name, StandardCharsets.ISO_8859_1));
        }
        if (context != ExtensionContext.CLIENT_HELLO && protocols.size() != 1) {
            throw new DecodeError("the server must select exactly one application protocol, got " + protocols.size());
        }
        return new ALPNExtension(protocols);
    }
}
