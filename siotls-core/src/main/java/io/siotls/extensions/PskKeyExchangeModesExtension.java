package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * psk_key_exchange_modes, RFC 8446 §4.2.9: the PSK modes a client accepts. Offering psk_dhe_ke
 * lets servers send NewSessionTicket, which this client keeps when its connection has a session
 * cache, and resumes with a fresh (EC)DHE exchange (psk_ke is never offered).
 */
public record PskKeyExchangeModesExtension(List<Integer> modes) implements Extension {

    public PskKeyExchangeModesExtension {
        modes = List.copyOf(modes);
    }

    @Override
    public int typeCode() {
        return ExtensionType.PSK_KEY_EXCHANGE_MODES.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        int list = writer.startVector(1);
        modes.forEach(writer::writeUint8);
        writer.endVector(list);
    }

    static PskKeyExchangeModesExtension parse(TLSReader reader) {
        TLSReader list = reader.readVector(1, 1, 255, "ke_modes");
        reader.expectEnd("psk_key_exchange_modes");
        List<Integer> modes = new ArrayList<>();
        while (list.hasRemaining()) {
            modes.add(list.readUint8("ke_mode"));
        }
        return new PskKeyExchangeModesExtension(modes);
    }
}
