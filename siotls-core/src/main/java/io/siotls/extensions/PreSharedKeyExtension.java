package io.siotls.extensions;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * pre_shared_key, RFC 8446 §4.2.11: the PSKs a client offers with one binder each
 * (OfferedPsks, in a ClientHello, where it must be the last extension), or the index of the one
 * the server selected (in a ServerHello; {@code identities} and {@code binders} empty).
 */
public record PreSharedKeyExtension(List<PskIdentity> identities, List<byte[]> binders, int selectedIdentity)
        implements Extension {

    public PreSharedKeyExtension {
        identities = List.copyOf(identities);
        binders = List.copyOf(binders);
    }

    /** The client's offer. */
    public static PreSharedKeyExtension offer(List<PskIdentity> identities, List<byte[]> binders) {
        return new PreSharedKeyExtension(identities, binders, -1);
    }

    /** The server's choice, the index of an offered identity. */
    public static PreSharedKeyExtension selected(int index) {
        return new PreSharedKeyExtension(List.of(), List.of(), index);
    }

    /**
     * The length of the binders list with its 2-byte prefix: what the binders are computed
     * without, at the very end of the ClientHello (RFC 8446 §4.2.11.2).
     */
    public int bindersLength() {
        int length = 2;
        for (byte[] binder : binders) {
            length += 1 + binder.length;
        }
        return length;
    }

    @Override
    public int typeCode() {
        return ExtensionType.PRE_SHARED_KEY.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        if (selectedIdentity >= 0) {
            writer.writeUint16(selectedIdentity);
            return;
        }
        int list = writer.startVector(2);
        for (PskIdentity identity : identities) {
            writer.writeOpaque(2, identity.identity());
            writer.writeUint32(identity.obfuscatedTicketAge());
        }
        writer.endVector(list);
        int binderList = writer.startVector(2);
        binders.forEach(binder -> writer.writeOpaque(1, binder));
        writer.endVector(binderList);
    }

    /**
     * Reads OfferedPsks (ClientHello) or selected_identity (ServerHello). As many binders as
     * identities, or illegal_parameter (RFC 8446 §4.2.11: each binder belongs to the identity of
     * its index).
     */
    static PreSharedKeyExtension parse(TLSReader reader, ExtensionContext context) {
        if (context != ExtensionContext.CLIENT_HELLO) {
            int selected = reader.readUint16("selected_identity");
            reader.expectEnd("pre_shared_key");
            return selected(selected);
        }
        TLSReader identityList = reader.readVector(2, 7, 0xffff, "identities");
        TLSReader binderList = reader.readVector(2, 33, 0xffff, "binders");
        reader.expectEnd("pre_shared_key");
        List<PskIdentity> identities = new ArrayList<>();
        while (identityList.hasRemaining()) {
            byte[] identity = identityList.readOpaque(2, 1, 0xffff, "identity");
            identities.add(new PskIdentity(identity, identityList.readUint32("obfuscated_ticket_age")));
        }
        List<byte[]> binders = new ArrayList<>();
        while (binderList.hasRemaining()) {
            binders.add(binderList.readOpaque(1, 32, 255, "PskBinderEntry"));
        }
        if (binders.size() != identities.size()) {
            throw new IllegalParameter("pre_shared_key offers " + identities.size() + " identities and "
                    + binders.size() + " binders (RFC 8446 §4.2.11: one binder per identity)");
        }
        return offer(identities, binders);
    }
}
