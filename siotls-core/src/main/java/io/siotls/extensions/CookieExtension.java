package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;

/** cookie, RFC 8446 §4.2.2: sent in a HelloRetryRequest, echoed in the second ClientHello. */
public record CookieExtension(byte[] cookie) implements Extension {

    @Override
    public int typeCode() {
        return ExtensionType.COOKIE.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        writer.writeOpaque(2, cookie);
    }

    static CookieExtension parse(TLSReader reader) {
        byte[] cookie = reader.readOpaque(2, 1, 0xffff, "cookie");
        reader.expectEnd("cookie");
        return new CookieExtension(cookie);
    }
}
