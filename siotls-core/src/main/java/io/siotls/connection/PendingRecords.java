package io.siotls.connection;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** Records waiting to be sent, handed out whole: an SSLEngine never splits a record across wraps. */
final class PendingRecords {

    private static final int HEADER = 5;

    private static final byte[] EMPTY = new byte[0];

    /**
     * Emptied by {@link #moveWholeRecords} (the SSLEngine path, which only sees handshake flights,
     * alerts and key updates here), so that an idle connection keeps no buffer.
     */
    private byte[] buffer = EMPTY;
    private int start;
    private int end;

    void append(byte[] records) {
        if (records.length == 0) {
            return;
        }
        if (end + records.length > buffer.length) {
            byte[] grown = new byte[Math.max(end - start + records.length, buffer.length * 2)];
            System.arraycopy(buffer, start, grown, 0, end - start);
            end -= start;
            start = 0;
            buffer = grown;
        }
        System.arraycopy(records, 0, buffer, end, records.length);
        end += records.length;
    }

    int size() {
        return end - start;
    }

    /** The size of the first whole record, header included. */
    int nextRecordLength() {
        return HEADER + ((buffer[start + 3] & 0xff) << 8 | (buffer[start + 4] & 0xff));
    }

    /** Moves as many whole records as fit into {@code dst}; returns the bytes moved. */
    int moveWholeRecords(ByteBuffer dst) {
        int moved = 0;
        while (size() > 0 && nextRecordLength() <= dst.remaining()) {
            int length = nextRecordLength();
            dst.put(buffer, start, length);
            start += length;
            moved += length;
        }
        if (start == end) {
            start = 0;
            end = 0;
            buffer = EMPTY;
        }
        return moved;
    }

    /** Everything, as bytes. */
    byte[] takeAll() {
        byte[] all = Arrays.copyOfRange(buffer, start, end);
        start = 0;
        end = 0;
        return all;
    }
}
