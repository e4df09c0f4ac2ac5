package io.siotls.extensions;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * key_share, RFC 8446 §4.2.8: the client's shares (ClientHello), the server's share
 * (ServerHello), or the group the server asks for (HelloRetryRequest, {@code entries} empty).
 */
public record KeyShareExtension(ExtensionContext context, List<KeyShareEntry> entries, int selectedGroup)
        implements Extension {

    public KeyShareExtension {
        entries = List.copyOf(entries);
    }

    public static KeyShareExtension clientShares(List<KeyShareEntry> entries) {
        return new KeyShareExtension(ExtensionContext.CLIENT_HELLO, entries, -1);
    }

    public static KeyShareExtension serverShare(KeyShareEntry entry) {
        return new KeyShareExtension(ExtensionContext.SERVER_HELLO, List.of(entry), entry.group());
    }

    public static KeyShareExtension retryWith(int group) {
        return new KeyShareExtension(ExtensionContext.HELLO_RETRY_REQUEST, List.of(), group);
    }

    /** The server's share, in a ServerHello. */
    public KeyShareEntry serverEntry() {
        return entries.get(0);
    }

    @Override
    public int typeCode() {
        return ExtensionType.KEY_SHARE.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        switch (context) {
            case CLIENT_HELLO -> {
                int list = writer.startVector(2);
                entries.forEach(entry -> writeEntry(writer, entry));
                writer.endVector(list);
            }
            case HELLO_RETRY_REQUEST -> writer.writeUint16(selectedGroup);
            default -> writeEntry(writer, entries.get(0));
        }
    }

    private static void writeEntry(TLSWriter writer, KeyShareEntry entry) {
        writer.writeUint16(entry.group());
        writer.writeOpaque(2, entry.keyExchange());
    }

    /**
     * An entry; an empty key_exchange is read as one (the group's own check then refuses it with
     * illegal_parameter, as a public value that is not one, RFC 8446 §4.2.8.1-2), not as a
     * decode_error: OpenSSL, GnuTLS and tlsfuzzer agree on that alert.
     */
    private static KeyShareEntry readEntry(TLSReader reader) {
        int group = reader.readUint16("key share group");
        byte[] keyExchange = reader.readOpaque(2, 0, 0xffff, "key_exchange");
        return new KeyShareEntry(group, keyExchange);
    }

    static KeyShareExtension parse(TLSReader reader, ExtensionContext context) {
        switch (context) {
            case CLIENT_HELLO -> {
                TLSReader list = reader.readVector(2, 0, 0xffff, "client_shares");
                reader.expectEnd("key_share");
                List<KeyShareEntry> entries = new ArrayList<>();
                Set<Integer> groups = new HashSet<>();
                while (list.hasRemaining()) {
                    KeyShareEntry entry = readEntry(list);
                    if (!groups.add(entry.group())) {
                        throw new IllegalParameter("key_share offers group " + entry.group() + " twice");
                    }
                    entries.add(entry);
                }
                return clientShares(entries);
            }
            case HELLO_RETRY_REQUEST -> {
                int group = reader.readUint16("selected_group");
                reader.expectEnd("key_share");
                return retryWith(group);
            }
            default -> {
                KeyShareEntry entry = readEntry(reader);
                reader.expectEnd("key_share");
                return serverShare(entry);
            }
        }
    }
}
