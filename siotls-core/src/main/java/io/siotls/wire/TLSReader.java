package io.siotls.wire;

import io.siotls.alerts.DecodeError;

/**
 * A bounds-checked reader of the TLS presentation language (RFC 8446 §3): unsigned integers of
 * 8, 16, 24 and 32 bits and length-prefixed vectors. Reading past the end, or a vector whose
 * length is outside its bounds, raises {@link DecodeError}; nothing else is ever thrown.
 */
public final class TLSReader {

    private final byte[] data;
    private int position;
    private final int limit;

    public TLSReader(byte[] data) {
        this(data, 0, data.length);
    }

    public TLSReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length
                    + " out of an array of " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
    }

    /** Bytes left to read. */
    public int remaining() {
        return limit - position;
    }

    public boolean hasRemaining() {
        return position < limit;
    }

    private void require(int count, String what) {
        if (count > limit - position) {
            throw new DecodeError("truncated " + what + ": needs " + count + " bytes, " + remaining() + " left");
        }
    }

    public int readUint8(String what) {
        require(1, what);
        return data[position++] & 0xff;
    }

    public int readUint16(String what) {
        require(2, what);
        int value = (data[position] & 0xff) << 8 | (data[position + 1] & 0xff);
        position += 2;
        return value;
    }

    public int readUint24(String what) {
        require(3, what);
        int value = (data[position] & 0xff) << 16 | (data[position + 1] & 0xff) << 8 | (data[position + 2] & 0xff);
        position += 3;
        return value;
    }

    public long readUint32(String what) {
        require(4, what);
        long value = ((long) (data[position] & 0xff) << 24) | (data[position + 1] & 0xff) << 16
                | (data[position + 2] & 0xff) << 8 | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    /** Exactly {@code count} bytes. */
    public byte[] readBytes(int count, String what) {
        require(count, what);
        byte[] out = new byte[count];
        System.arraycopy(data, position, out, 0, count);
        position += count;
        return out;
    }

    /** All the bytes left. */
    public byte[] readRemaining() {
        return readBytes(remaining(), "rest");
    }

    /**
     * A vector {@code opaque what<min..max>} whose length prefix takes {@code lengthBytes} bytes
     * (1, 2 or 3).
     */
    public byte[] readOpaque(int lengthBytes, int min, int max, String what) {
        int length = readLength(lengthBytes, min, max, what);
        return readBytes(length, what);
    }

    /**
     * A reader over the vector whose length prefix takes {@code lengthBytes} bytes; this reader
     * moves past the whole vector.
     */
    public TLSReader readVector(int lengthBytes, int min, int max, String what) {
        int length = readLength(lengthBytes, min, max, what);
        require(length, what);
        TLSReader sub = new TLSReader(data, position, length);
        position += length;
        return sub;
    }

    private int readLength(int lengthBytes, int min, int max, String what) {
        int length = switch (lengthBytes) {
            case 1 -> readUint8(what + " length");
            case 2 -> readUint16(what + " length");
            case 3 -> readUint24(what + " length");
            default -> throw new IllegalArgumentException("length prefix of " + lengthBytes + " bytes");
        };
        if (length < min || length > max) {
            throw new DecodeError(what + " length " + length + " is outside " + min + ".." + max);
        }
        return length;
    }

    /** Raises {@link DecodeError} unless everything was read. */
    public void expectEnd(String what) {
        if (hasRemaining()) {
            throw new DecodeError(remaining() + " unexpected trailing bytes after " + what);
        }
    }
}
