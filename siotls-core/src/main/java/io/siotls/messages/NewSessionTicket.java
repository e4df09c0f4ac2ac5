package io.siotls.messages;

import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.iana.HandshakeType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** NewSessionTicket, RFC 8446 §4.6.1. */
public record NewSessionTicket(long lifetime, long ageAdd, byte[] nonce, byte[] ticket, ExtensionBlock extensions)
        implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void writeBody(TLSWriter writer) {
        writer.writeUint32(lifetime);
        writer.writeUint32(ageAdd);
        writer.writeOpaque(1, nonce);
        writer.writeOpaque(2, ticket);
        extensions.write(writer);
    }

    public static NewSessionTicket parse(TLSReader body) {
        long lifetime = body.readUint32("ticket_lifetime");
        long ageAdd = body.readUint32("ticket_age_add");
        byte[] nonce = body.readOpaque(1, 0, 255, "ticket_nonce");
        byte[] ticket = body.readOpaque(2, 1, 0xffff, "ticket");
        ExtensionBlock extensions = ExtensionBlock.read(body, ExtensionContext.NEW_SESSION_TICKET);
        body.expectEnd("NewSessionTicket");
        return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, extensions);
    }
}
