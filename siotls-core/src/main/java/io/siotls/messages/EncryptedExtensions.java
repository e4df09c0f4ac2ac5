package io.siotls.messages;

import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** EncryptedExtensions, RFC 8446 §4.3.1. */
public record EncryptedExtensions(ExtensionBlock extensions) implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        extensions.write(writer);
    }

    public static EncryptedExtensions parse(TLSReader body) {
        ExtensionBlock extensions = ExtensionBlock.read(body, ExtensionContext.ENCRYPTED_EXTENSIONS);
        body.expectEnd("EncryptedExtensions");
        return new EncryptedExtensions(extensions);
    }
}
