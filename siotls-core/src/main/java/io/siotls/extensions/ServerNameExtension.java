package io.siotls.extensions;

import io.siotls.alerts.DecodeError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.nio.charset.StandardCharsets;

/**
 * server_name, RFC 6066 §3: the host name the client connects to, or an empty body when the server
 * acknowledges it in EncryptedExtensions.
 */
public record ServerNameExtension(String hostName) implements Extension {

    private static final int HOST_NAME = 0;

    /** The empty acknowledgement a server sends in EncryptedExtensions. */
    public static ServerNameExtension acknowledgement() {
        return new ServerNameExtension(null);
    }

    @Override
    public int typeCode() {
        return ExtensionType.SERVER_NAME.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        if (hostName == null) {
            return;
        }
        int list = writer.startVector(2);
        writer.writeUint8(HOST_NAME);
        writer.writeOpaque(2, hostName.getBytes(StandardCharsets.US_ASCII));
        writer.endVector(list);
    }

    static ServerNameExtension parse(TLSReader reader, ExtensionContext context) {
        if (context != ExtensionContext.CLIENT_HELLO) {
            reader.expectEnd("server_name acknowledgement");
            return acknowledgement();
        }
        TLSReader list = reader.readVector(2, 1, 0xffff, "server_name_list");
        reader.expectEnd("server_name");
        String hostName = null;
        while (list.hasRemaining()) {
            int nameType = list.readUint8("server name type");
            byte[] name = list.readOpaque(2, 1, 0xffff, "server name");
            if (nameType != HOST_NAME) {
                continue;
            }
            if (hostName != null) {
                throw new IllegalParameter("server_name holds more than one host_name");
            }
            hostName = decodeHostName(name);
        }
        if (hostName == null) {
            throw new DecodeError("server_name holds no host_name");
        }
        return new ServerNameExtension(hostName);
    }

    private static String decodeHostName(byte[] name) {
        for (byte b : name) {
            if (b <= 0x20 || b >= 0x7f) {
                throw new IllegalParameter("server_name host_name holds a byte that is not printable ASCII");
            }
        }
        return new String(name, StandardCharsets.US_ASCII);
    }
}
