package io.siotls.messages;

import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;

/** Certificate, RFC 8446 §4.4.2: the sender's chain, end-entity first. */
public record CertificateMessage(byte[] requestContext, List<CertificateEntry> entries) implements HandshakeMessage {

    public CertificateMessage {
        entries = List.copyOf(entries);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeOpaque(1, requestContext);
        int list = writer.startVector(3);
        for (CertificateEntry entry : entries) {
            writer.writeOpaque(3, entry.data());
            entry.extensions().write(writer);
        }
        writer.endVector(list);
    }

    public static CertificateMessage parse(TLSReader body) {
        byte[] context = body.readOpaque(1, 0, 255, "certificate_request_context");
        TLSReader list = body.readVector(3, 0, 0xffffff, "certificate_list");
        body.expectEnd("Certificate");
        List<CertificateEntry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            byte[] data = list.readOpaque(3, 1, 0xffffff, "cert_data");
            ExtensionBlock extensions = ExtensionBlock.read(list, ExtensionContext.CERTIFICATE);
            entries.add(new CertificateEntry(data, extensions));
        }
        return new CertificateMessage(context, entries);
    }
}
