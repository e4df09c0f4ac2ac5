package io.siotls.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.DecodeError;
import org.junit.jupiter.api.Test;

class TLSReaderTest {

    @Test
    void readsIntegersAndVectors() {
        TLSReader reader = new TLSReader(new byte[] {1, 2, 3, 4, 5, 6, 0, 2, 9, 9, 7});
        assertThat(reader.readUint8("a")).isEqualTo(1);
        assertThat(reader.readUint16("b")).isEqualTo(0x0203);
        assertThat(reader.readUint24("c")).isEqualTo(0x040506);
        assertThat(reader.readOpaque(2, 0, 10, "d")).containsExactly(9, 9);
        assertThat(reader.remaining()).isEqualTo(1);
        assertThatThrownBy(() -> reader.expectEnd("thing")).isInstanceOf(DecodeError.class)
                .hasMessageContaining("1 unexpected trailing bytes after thing");
    }

    @Test
    void truncationIsADecodeErrorNamingTheField() {
        TLSReader reader = new TLSReader(new byte[] {0, 5, 1});
        assertThatThrownBy(() -> reader.readOpaque(2, 0, 10, "cookie"))
                .isInstanceOf(DecodeError.class)
                .hasMessageContaining("truncated cookie");
    }

    @Test
    void vectorLengthOutsideItsBoundsIsADecodeError() {
        TLSReader reader = new TLSReader(new byte[] {0, 1, 7});
        assertThatThrownBy(() -> reader.readOpaque(2, 2, 10, "shares"))
                .isInstanceOf(DecodeError.class)
                .hasMessageContaining("shares length 1 is outside 2..10");
    }

    @Test
    void subReaderStaysInsideItsVector() {
        TLSReader reader = new TLSReader(new byte[] {0, 1, 7, 8});
        TLSReader vector = reader.readVector(2, 0, 10, "v");
        assertThat(vector.readUint8("x")).isEqualTo(7);
        assertThatThrownBy(() -> vector.readUint8("y")).isInstanceOf(DecodeError.class);
        assertThat(reader.readUint8("z")).isEqualTo(8);
    }

    @Test
    void writerFillsNestedLengthPrefixes() {
        TLSWriter writer = new TLSWriter(1);
        int outer = writer.startVector(3);
        int inner = writer.startVector(1);
        writer.writeUint16(0xabcd);
        writer.endVector(inner);
        writer.endVector(outer);
        assertThat(writer.toByteArray()).containsExactly(0, 0, 3, 2, 0xab, 0xcd);
    }
}
