package io.siotls.record;

import java.nio.ByteBuffer;

/**
 * Decodes the 5-byte header of a record in place (RFC 8446 §5.1): {@code ContentType type;
 * ProtocolVersion legacy_record_version; uint16 length;}. Reads absolute positions only, so the
 * buffer's position does not move, and allocates nothing. It checks nothing: whether the values
 * are acceptable is {@link RecordReader}'s call.
 */
public final class RecordHeader {

    private RecordHeader() {
    }

    /** Whether {@code buffer} holds a whole header at {@code position}, before its limit. */
    public static boolean isAvailable(ByteBuffer buffer, int position) {
        return buffer.limit() - position >= RecordLimits.HEADER_LENGTH;
    }

    /** The content type code, which may be one no {@code ContentType} knows. */
    public static int contentType(ByteBuffer buffer, int position) {
        return buffer.get(position) & 0xff;
    }

    /** The legacy_record_version, e.g. 0x0303. */
    public static int legacyVersion(ByteBuffer buffer, int position) {
        return uint16(buffer, position + 1);
    }

    /** The length of the fragment (or encrypted record) that follows the header. */
    public static int length(ByteBuffer buffer, int position) {
        return uint16(buffer, position + 3);
    }

    /** The length of the whole record: header and fragment. */
    public static int recordLength(ByteBuffer buffer, int position) {
        return RecordLimits.HEADER_LENGTH + length(buffer, position);
    }

    private static int uint16(ByteBuffer buffer, int position) {
        return (buffer.get(position) & 0xff) << 8 | (buffer.get(position + 1) & 0xff);
    }
}
