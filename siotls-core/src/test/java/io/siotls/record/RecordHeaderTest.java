package io.siotls.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RecordHeaderTest {

    @Test
    void decodesAHeaderInPlaceWithoutMovingTheBuffer() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 23, 3, 3, 0x40, 0x11, 0});
        buffer.position(1);

        assertThat(RecordHeader.contentType(buffer, 1)).isEqualTo(23);
        assertThat(RecordHeader.legacyVersion(buffer, 1)).isEqualTo(0x0303);
        assertThat(RecordHeader.length(buffer, 1)).isEqualTo(0x4011);
        assertThat(RecordHeader.recordLength(buffer, 1)).isEqualTo(5 + 0x4011);
        assertThat(buffer.position()).isEqualTo(1);
    }

    @Test
    void aWholeHeaderIsAvailableOnlyWithFiveBytesBeforeTheLimit() {
        ByteBuffer buffer = ByteBuffer.allocate(10).limit(7);

        assertThat(RecordHeader.isAvailable(buffer, 2)).isTrue();
        assertThat(RecordHeader.isAvailable(buffer, 3)).isFalse();
    }

    @Test
    void lengthsAreUnsigned() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd, (byte) 0xff, (byte) 0xff});

        assertThat(RecordHeader.contentType(buffer, 0)).isEqualTo(0xff);
        assertThat(RecordHeader.legacyVersion(buffer, 0)).isEqualTo(0xfefd);
        assertThat(RecordHeader.length(buffer, 0)).isEqualTo(0xffff);
    }
}
