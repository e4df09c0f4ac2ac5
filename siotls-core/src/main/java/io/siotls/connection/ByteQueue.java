package io.siotls.connection;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A growable FIFO of bytes: application data received and not yet read. */
final class ByteQueue {

    private byte[] buffer = new byte[0];
    private int start;
    private int end;

    void append(byte[] data, int off, int len) {
        if (end + len > buffer.length) {
            int size = end - start;
            if (size + len > buffer.length) {
                buffer = Arrays.copyOfRange(buffer, start, start + Math.max(size + len, buffer.length * 2));
            } else {
                System.arraycopy(buffer, start, buffer, 0, size);
            }
            start = 0;
            end = size;
        }
        System.arraycopy(data, off, buffer, end, len);
        end += len;
    }

    /** Drops what is held and gives the buffer back. */
    void clear() {
        buffer = new byte[0];
        start = 0;
        end = 0;
    }

    int size() {
        return end - start;
    }

    byte[] takeAll() {
        byte[] out = Arrays.copyOfRange(buffer, start, end);
        start = 0;
        end = 0;
        return out;
    }

    int takeInto(ByteBuffer dst) {
        int count = Math.min(dst.remaining(), end - start);
        dst.put(buffer, start, count);
        start += count;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return count;
    }
}
