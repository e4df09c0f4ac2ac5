package io.siotls.wire;

import java.util.Arrays;

/**
 * Serializes the TLS presentation language (RFC 8446 §3) into a growing byte array, with
 * length prefixes filled in once the vector they prefix is complete.
 */
public final class TLSWriter {

    private byte[] buffer;
    private int size;

    public TLSWriter() {
        this(256);
    }

    public TLSWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }

    public TLSWriter writeUint8(int value) {
        checkRange(value, 0xff);
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public TLSWriter writeUint16(int value) {
        checkRange(value, 0xffff);
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public TLSWriter writeUint24(int value) {
        checkRange(value, 0xffffff);
        ensure(3);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public TLSWriter writeUint32(long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException("value " + value + " does not fit 32 bits");
        }
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public TLSWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public TLSWriter writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** A vector with a {@code lengthBytes}-byte length prefix. */
    public TLSWriter writeOpaque(int lengthBytes, byte[] bytes) {
        int mark = startVector(lengthBytes);
        writeBytes(bytes);
        return endVector(mark);
    }

    /**
     * Reserves a {@code lengthBytes}-byte length prefix and returns a mark to give to
     * {@link #endVector(int)} once the vector's content is written.
     */
    public int startVector(int lengthBytes) {
        if (lengthBytes < 1 || lengthBytes > 3) {
            throw new IllegalArgumentException("length prefix of " + lengthBytes + " bytes");
        }
        ensure(lengthBytes);
        int mark = size << 2 | lengthBytes;
        size += lengthBytes;
        return mark;
    }

    /** Fills in the length prefix reserved by {@link #startVector(int)}. */
    public TLSWriter endVector(int mark) {
        int lengthBytes = mark & 3;
        int at = mark >>> 2;
        int length = size - at - lengthBytes;
        checkRange(length, (1 << (8 * lengthBytes)) - 1);
        for (int i = lengthBytes - 1; i >= 0; i--) {
            buffer[at + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
        }
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private static void checkRange(int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("value " + value + " does not fit 0.." + max);
        }
    }
}
