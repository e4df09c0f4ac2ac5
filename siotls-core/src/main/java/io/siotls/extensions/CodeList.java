package io.siotls.extensions;

import io.siotls.alerts.DecodeError;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes vectors of uint16 codes, the shape of several extensions. */
final class CodeList {

    private CodeList() {
    }

    static List<Integer> read(TLSReader reader, int min, String what) {
        TLSReader list = reader.readVector(2, min, 0xfffe, what);
        if (list.remaining() % 2 != 0) {
            throw new DecodeError(what + " has an odd length");
        }
        List<Integer> codes = new ArrayList<>(list.remaining() / 2);
        while (list.hasRemaining()) {
            codes.add(list.readUint16(what));
        }
        reader.expectEnd(what);
        return List.copyOf(codes);
    }

    static void write(TLSWriter writer, List<Integer> codes) {
        int list = writer.startVector(2);
        codes.forEach(writer::writeUint16);
        writer.endVector(list);
    }
}
