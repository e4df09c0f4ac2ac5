package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * client_certificate_type and server_certificate_type, RFC 7250 §4: the certificate types a
 * client can send or process, in preference order, or the one the server selected.
 */
public record CertificateTypeExtension(int typeCode, List<Integer> types, boolean selected) implements Extension {

    public CertificateTypeExtension {
        types = List.copyOf(types);
    }

    public static CertificateTypeExtension offered(ExtensionType type, List<Integer> types) {
        return new CertificateTypeExtension(type.code(), types, false);
    }

    public static CertificateTypeExtension selected(ExtensionType type, int certificateType) {
        return new CertificateTypeExtension(type.code(), List.of(certificateType), true);
    }

    /** The selected type, from EncryptedExtensions. */
    public int selectedType() {
        return types.get(0);
    }

    @Override
    public void writeData(TLSWriter writer) {
        if (selected) {
            writer.writeUint8(types.get(0));
            return;
        }
        int list = writer.startVector(1);
        types.forEach(writer::writeUint8);
        writer.endVector(list);
    }

    static CertificateTypeExtension parse(int typeCode, TLSReader reader, ExtensionContext context) {
        if (context == ExtensionContext.CLIENT_HELLO) {
            TLSReader list = reader.readVector(1, 1, 255, "certificate_types");
            reader.expectEnd("certificate type extension");
            List<Integer> types = new ArrayList<>();
            while (list.hasRemaining()) {
                types.add(list.readUint8("certificate type"));
            }
            return new CertificateTypeExtension(typeCode, types, false);
        }
        int type = reader.readUint8("selected certificate type");
        reader.expectEnd("certificate type extension");
        return new CertificateTypeExtension(typeCode, List.of(type), true);
    }
}
