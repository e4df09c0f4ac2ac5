package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/**
 * post_handshake_auth, RFC 8446 §4.2.6: a client's ClientHello announces with it that it will
 * answer a CertificateRequest after the handshake (§4.6.2). Its extension_data is empty.
 */
public record PostHandshakeAuthExtension() implements Extension {

    @Override
    public int typeCode() {
        return ExtensionType.POST_HANDSHAKE_AUTH.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        // extension_data is zero-length (RFC 8446 §4.2.6)
    }

    static PostHandshakeAuthExtension parse(TLSReader reader) {
        reader.expectEnd("post_handshake_auth");
        return new PostHandshakeAuthExtension();
    }
}
