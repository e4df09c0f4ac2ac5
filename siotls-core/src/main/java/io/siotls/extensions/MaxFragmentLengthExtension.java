package io.siotls.extensions;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** max_fragment_length, RFC 6066 §4: 2^9, 2^10, 2^11 or 2^12 bytes of plaintext per record. */
public record MaxFragmentLengthExtension(MaxFragmentLength length) implements Extension {

    @Override
    public int typeCode() {
        return ExtensionType.MAX_FRAGMENT_LENGTH.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        writer.writeUint8(length.code());
    }

    static MaxFragmentLengthExtension parse(TLSReader reader) {
        int code = reader.readUint8("max_fragment_length");
        reader.expectEnd("max_fragment_length");
        MaxFragmentLength length = MaxFragmentLength.fromCode(code);
        if (length == null) {
            throw new IllegalParameter("max_fragment_length " + code + " is not one of 1 to 4 (RFC 6066 §4)");
        }
        return new MaxFragmentLengthExtension(length);
    }
}
