package io.siotls.extensions;

import io.siotls.wire.TLSWriter;

/** An extension this implementation does not interpret, kept as raw bytes (RFC 8446 §4.2). */
public record UnknownExtension(int typeCode, byte[] data) implements Extension {

    @Override
    public void writeData(TLSWriter writer) {
        writer.writeBytes(data);
    }
}
