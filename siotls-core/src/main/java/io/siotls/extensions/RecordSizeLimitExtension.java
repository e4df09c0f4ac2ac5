package io.siotls.extensions;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/**
 * record_size_limit, RFC 8449 §4: the largest record plaintext (TLSInnerPlaintext, content type
 * included in TLS 1.3) the sender is willing to receive.
 */
public record RecordSizeLimitExtension(int limit) implements Extension {

    /** The smallest limit RFC 8449 §4 allows. */
    public static final int MINIMUM = 64;

    @Override
    public int typeCode() {
        return ExtensionType.RECORD_SIZE_LIMIT.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        writer.writeUint16(limit);
    }

    static RecordSizeLimitExtension parse(TLSReader reader) {
        int limit = reader.readUint16("record_size_limit");
        reader.expectEnd("record_size_limit");
        if (limit < MINIMUM) {
            throw new IllegalParameter("record_size_limit " + limit + " is below the minimum of " + MINIMUM);
        }
        return new RecordSizeLimitExtension(limit);
    }
}
