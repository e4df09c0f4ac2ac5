package io.siotls.messages;

import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** CertificateRequest, RFC 8446 §4.3.2. */
public record CertificateRequest(byte[] requestContext, ExtensionBlock extensions) implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeOpaque(1, requestContext);
        extensions.write(writer);
    }

    public static CertificateRequest parse(TLSReader body) {
        byte[] context = body.readOpaque(1, 0, 255, "certificate_request_context");
        ExtensionBlock extensions = ExtensionBlock.read(body, ExtensionContext.CERTIFICATE_REQUEST);
        body.expectEnd("CertificateRequest");
        return new CertificateRequest(context, extensions);
    }
}
