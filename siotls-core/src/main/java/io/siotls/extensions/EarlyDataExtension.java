package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/**
 * early_data, RFC 8446 §4.2.10: empty in a ClientHello (the client sends 0-RTT data) and in
 * EncryptedExtensions (the server accepts it); in a NewSessionTicket, the max_early_data_size the
 * ticket allows, a uint32.
 *
 * @param maxEarlyDataSize the NewSessionTicket's max_early_data_size, or -1 for the empty form
 */
public record EarlyDataExtension(long maxEarlyDataSize) implements Extension {

    private static final long EMPTY = -1;

    /** The empty form, of a ClientHello or EncryptedExtensions. */
    public static EarlyDataExtension indication() {
        return new EarlyDataExtension(EMPTY);
    }

    /** The NewSessionTicket form, announcing {@code size} bytes of early data. */
    public static EarlyDataExtension maxSize(long size) {
        if (size < 0 || size > 0xffffffffL) {
            throw new IllegalArgumentException("max_early_data_size " + size + " is not a uint32");
        }
        return new EarlyDataExtension(size);
    }

    /** The max_early_data_size of a NewSessionTicket's extensions, RFC 8446 §4.2.10; 0 without early_data. */
    public static long maxSizeIn(ExtensionBlock ticketExtensions) {
        byte[] data = ticketExtensions.dataOf(ExtensionType.EARLY_DATA.code());
        if (data == null) {
            return 0;
        }
        TLSReader reader = new TLSReader(data);
        long size = reader.readUint32("max_early_data_size");
        reader.expectEnd("early_data");
        return size;
    }

    @Override
    public int typeCode() {
        return ExtensionType.EARLY_DATA.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        if (maxEarlyDataSize != EMPTY) {
            writer.writeUint32(maxEarlyDataSize);
        }
    }
}
