package io.siotls.record;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Helpers shared by the record layer tests. */
final class RecordTestSupport {

    static final byte[] KEY = decode("000102030405060708090a0b0c0d0e0f");
    static final byte[] IV = decode("a0a1a2a3a4a5a6a7a8a9aaab");

    private RecordTestSupport() {
    }

    /** Bytes from hex digits, ignoring whitespace. */
    static byte[] decode(String hex) {
        String digits = hex.replaceAll("\\s+", "");
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static RecordWriter protectedWriter() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(new TestGcmAead(KEY), IV);
        return writer;
    }

    static RecordReader protectedReader() {
        RecordReader reader = new RecordReader();
        reader.setProtection(new TestGcmAead(KEY), IV);
        return reader;
    }

    /** Feeds {@code wire} in chunks of random sizes (1 to maxChunk), collecting every record. */
    static List<Record> feedInChunks(RecordReader reader, byte[] wire, int maxChunk, long seed) {
        Random random = new Random(seed);
        List<Record> records = new ArrayList<>();
        int offset = 0;
        while (offset < wire.length) {
            int chunk = Math.min(wire.length - offset, 1 + random.nextInt(maxChunk));
            reader.feed(wire, offset, chunk);
            offset += chunk;
            for (Record record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
        }
        return records;
    }

    static byte[] concatenate(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(record -> out.writeBytes(record.fragment()));
        return out.toByteArray();
    }
}
