package io.siotls.testing;

import io.siotls.iana.ContentType;
import io.siotls.messages.HandshakeMessage;
import io.siotls.wire.TLSWriter;
import java.util.Arrays;

/** Builds and picks apart raw records for tests that feed hand-made input. */
public final class Records {

    private Records() {
    }

    /** An unprotected record of {@code type} holding {@code fragment}. */
    public static byte[] plaintext(ContentType type, byte[] fragment) {
        TLSWriter writer = new TLSWriter();
        writer.writeUint8(type.code()).writeUint16(0x0303).writeOpaque(2, fragment);
        return writer.toByteArray();
    }

    /** An unprotected handshake record holding {@code message}. */
    public static byte[] handshake(HandshakeMessage message) {
        return plaintext(ContentType.HANDSHAKE, message.toBytes());
    }

    /** The fragment of the first record in {@code records}. */
    public static byte[] firstFragment(byte[] records) {
        int length = (records[3] & 0xff) << 8 | (records[4] & 0xff);
        return Arrays.copyOfRange(records, 5, 5 + length);
    }

    /** The bytes after the first record in {@code records}. */
    public static byte[] afterFirst(byte[] records) {
        int length = (records[3] & 0xff) << 8 | (records[4] & 0xff);
        return Arrays.copyOfRange(records, 5 + length, records.length);
    }

    /** The alert description of the fatal alert {@code output} ends with (unprotected alerts only). */
    public static int plaintextAlert(byte[] output) {
        if (output.length < 7 || output[output.length - 7] != ContentType.ALERT.code()) {
            throw new AssertionError("no plaintext alert record at the end of " + java.util.HexFormat.of().formatHex(output));
        }
        return output[output.length - 1] & 0xff;
    }
}
