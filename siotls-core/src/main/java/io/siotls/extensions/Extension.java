package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSWriter;

/** One entry of an extension block, RFC 8446 §4.2. */
public interface Extension {

    /** The extension type code; unknown types keep their raw code. */
    int typeCode();

    /** The registered type, or {@code null} for an unknown one. */
    default ExtensionType type() {
        return ExtensionType.fromCode(typeCode());
    }

    /** Writes extension_data, without the type and length prefix. */
    void writeData(TLSWriter writer);
}
