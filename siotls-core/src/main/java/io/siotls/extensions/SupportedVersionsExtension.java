package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * supported_versions, RFC 8446 §4.2.1: the versions a client offers, or the one a server
 * selected (a list of one on the server side).
 */
public record SupportedVersionsExtension(List<Integer> versions, boolean selected) implements Extension {

    public SupportedVersionsExtension {
        versions = List.copyOf(versions);
    }

    public static SupportedVersionsExtension offered(List<Integer> versions) {
        return new SupportedVersionsExtension(versions, false);
    }

    public static SupportedVersionsExtension selected(int version) {
        return new SupportedVersionsExtension(List.of(version), true);
    }

    @Override
    public int typeCode() {
        return ExtensionType.SUPPORTED_VERSIONS.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        if (selected) {
            writer.writeUint16(versions.get(0));
            return;
        }
        int list = writer.startVector(1);
        versions.forEach(writer::writeUint16);
        writer.endVector(list);
    }

    static SupportedVersionsExtension parse(TLSReader reader, ExtensionContext context) {
        if (context != ExtensionContext.CLIENT_HELLO) {
            int version = reader.readUint16("selected_version");
            reader.expectEnd("supported_versions");
            return selected(version);
        }
        TLSReader list = reader.readVector(1, 2, 254, "supported_versions");
        reader.expectEnd("supported_versions");
        List<Integer> versions = new ArrayList<>();
        while (list.hasRemaining()) {
            versions.add(list.readUint16("version"));
        }
        return offered(versions);
    }
}
