package io.siotls.connection;

import io.siotls.record.RecordHeader;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Records waiting to be sent, handed out whole: an SSLEngine never splits a record across wraps. */
final class PendingRecords {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /**
     * A heap buffer, read by absolute index only. Emptied by {@link #moveWholeRecords} (the
     * SSLEngine path, which only sees handshake flights, alerts and key updates here), so that an
     * idle connection keeps no buffer.
     */
    private ByteBuffer buffer = EMPTY;
    private int start;
    private int end;

    void append(byte[] records) {
        if (records.length == 0) {
            return;
        }
        if (end + records.length > buffer.capacity()) {
            byte[] grown = new byte[Math.max(end - start + records.length, buffer.capacity() * 2)];
            System.arraycopy(buffer.array(), start, grown, 0, end - start);
            end -= start;
            start = 0;
            buffer = ByteBuffer.wrap(grown);
        }
        System.arraycopy(records, 0, buffer.array(), end, records.length);
        end += records.length;
    }

    int size() {
        return end - start;
    }

    /** The size of the first whole record, header included. */
    int nextRecordLength() {
        return RecordHeader.recordLength(buffer, start);
    }

    /** Moves as many whole records as fit into {@code dst}; returns the bytes moved. */
    int moveWholeRecords(ByteBuffer dst) {
        int moved = 0;
        while (size() > 0 && nextRecordLength() <= dst.remaining()) {
            int length = nextRecordLength();
            dst.put(buffer.array(), start, length);
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
        byte[] all = Arrays.copyOfRange(buffer.array(), start, end);
        start = 0;
        end = 0;
        return all;
    }
}
