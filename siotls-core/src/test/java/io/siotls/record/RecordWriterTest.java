package io.siotls.record;

import static io.siotls.record.RecordTestSupport.pattern;
import static io.siotls.record.RecordTestSupport.protectedReader;
import static io.siotls.record.RecordTestSupport.protectedWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    @Test
    void plaintextRecordCarriesTypeVersionLengthAndContent() {
        RecordWriter writer = new RecordWriter();
        writer.setLegacyRecordVersion(0x0301);

        writer.write(ContentType.HANDSHAKE, new byte[] {1, 2, 3});

        assertThat(writer.pending()).isEqualTo(8);
        assertThat(writer.drain()).containsExactly(22, 3, 1, 0, 3, 1, 2, 3);
        assertThat(writer.pending()).isZero();
        assertThat(writer.drain()).isEmpty();
    }

    @Test
    void onlyTls10AndTls12LegacyVersionsAreAccepted() {
        RecordWriter writer = new RecordWriter();
        assertThatThrownBy(() -> writer.setLegacyRecordVersion(0x0304))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0x0304");
    }

    @Test
    void plaintextIsFragmentedAt2To14() {
        RecordWriter writer = new RecordWriter();
        byte[] data = pattern(2 * 16384 + 10, 1);

        writer.write(ContentType.APPLICATION_DATA, data);

        List<Record> records = RecordTestSupport.feedInChunks(new RecordReader(), writer.drain(), 1 << 20, 0);
        assertThat(records).extracting(Record::length).containsExactly(16384, 16384, 10);
        assertThat(RecordTestSupport.concatenate(records)).isEqualTo(data);
    }

    @Test
    void protectedRecordsAreFragmentedAtALoweredLimit() {
        RecordWriter writer = protectedWriter();
        writer.setMaxFragmentLength(512);
        byte[] data = pattern(1300, 2);

        writer.write(ContentType.HANDSHAKE, data);
        byte[] wire = writer.drain();

        assertThat(wire.length).isEqualTo(3 * (5 + 1 + 16) + 1300);
        List<Record> records = RecordTestSupport.feedInChunks(protectedReader(), wire, 4096, 3);
        assertThat(records).extracting(Record::length).containsExactly(512, 512, 276);
        assertThat(RecordTestSupport.concatenate(records)).isEqualTo(data);
    }

    @Test
    void maxFragmentLengthOutOfRangeIsRefused() {
        RecordWriter writer = new RecordWriter();
        assertThatThrownBy(() -> writer.setMaxFragmentLength(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.setMaxFragmentLength(16385)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyHandshakeAlertAndChangeCipherSpecWriteNothing() {
        RecordWriter writer = protectedWriter();

        writer.write(ContentType.HANDSHAKE, new byte[0]);
        writer.write(ContentType.ALERT, new byte[5], 2, 0);
        writer.write(ContentType.CHANGE_CIPHER_SPEC, new byte[0]);

        assertThat(writer.pending()).isZero();
        assertThat(writer.sequenceNumber()).isZero();
    }

    @Test
    void emptyApplicationDataIsOneEmptyRecordWhenAsked() {
        RecordWriter writer = protectedWriter();

        writer.write(ContentType.APPLICATION_DATA, new byte[0]);

        RecordReader reader = protectedReader();
        reader.feed(writer.drain());
        Record record = reader.next();
        assertThat(record.type()).isEqualTo(ContentType.APPLICATION_DATA);
        assertThat(record.length()).isZero();
        assertThat(reader.next()).isNull();
    }

    @Test
    void changeCipherSpecStaysUnprotectedAfterKeysAreInstalled() {
        RecordWriter writer = protectedWriter();

        writer.write(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});

        assertThat(writer.drain()).containsExactly(20, 3, 3, 0, 1, 1);
        assertThat(writer.sequenceNumber()).isZero();
    }

    @Test
    void protectedRecordsAreApplicationDataVersion0303WhateverTheLegacyVersion() {
        RecordWriter writer = protectedWriter();
        writer.setLegacyRecordVersion(0x0301);

        writer.write(ContentType.ALERT, new byte[] {1, 0});

        byte[] wire = writer.drain();
        assertThat(wire).startsWith(23, 3, 3, 0, 2 + 1 + 16);
        assertThat(wire).hasSize(5 + 2 + 1 + 16);
    }

    @Test
    void paddingPolicyPadsAndTheReaderRemovesThePadding() {
        RecordWriter writer = protectedWriter();
        writer.setPaddingPolicy(PaddingPolicy.toMultipleOf(64));

        writer.write(ContentType.APPLICATION_DATA, pattern(10, 4));
        writer.write(ContentType.HANDSHAKE, pattern(64, 5));
        byte[] wire = writer.drain();

        assertThat(wire).hasSize((5 + 64 + 1 + 16) * 2);
        List<Record> records = RecordTestSupport.feedInChunks(protectedReader(), wire, 7, 6);
        assertThat(records).extracting(Record::type)
                .containsExactly(ContentType.APPLICATION_DATA, ContentType.HANDSHAKE);
        assertThat(records.get(0).fragment()).isEqualTo(pattern(10, 4));
        assertThat(records.get(1).fragment()).isEqualTo(pattern(64, 5));
    }

    @Test
    void paddingIsClampedToTheFragmentLimit() {
        RecordWriter writer = protectedWriter();
        writer.setMaxFragmentLength(100);
        writer.setPaddingPolicy((type, length, max) -> 1_000_000);

        writer.write(ContentType.APPLICATION_DATA, pattern(30, 7));

        byte[] wire = writer.drain();
        assertThat(wire).hasSize(5 + 100 + 1 + 16);
        Record record = RecordTestSupport.feedInChunks(protectedReader(), wire, 50, 8).get(0);
        assertThat(record.fragment()).isEqualTo(pattern(30, 7));
    }

    @Test
    void negativePaddingMeansNone() {
        RecordWriter writer = protectedWriter();
        writer.setPaddingPolicy((type, length, max) -> -5);

        writer.write(ContentType.APPLICATION_DATA, new byte[3]);

        assertThat(writer.drain()).hasSize(5 + 3 + 1 + 16);
    }

    @Test
    void drainToMovesWhatFitsAndKeepsTheRest() {
        RecordWriter writer = new RecordWriter();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {9, 9, 9, 9, 9});
        ByteBuffer small = ByteBuffer.allocate(4);

        assertThat(writer.drainTo(small)).isEqualTo(4);
        assertThat(small.array()).containsExactly(23, 3, 3, 0);
        assertThat(writer.pending()).isEqualTo(6);
        ByteBuffer rest = ByteBuffer.allocateDirect(100);
        assertThat(writer.drainTo(rest)).isEqualTo(6);
        assertThat(writer.pending()).isZero();
        assertThat(rest.position()).isEqualTo(6);
    }

    @Test
    void sealReportsTheRoomItNeedsWithoutMovingAnything() {
        RecordWriter writer = protectedWriter();
        ByteBuffer src = ByteBuffer.wrap(pattern(100, 9));
        ByteBuffer dst = ByteBuffer.allocateDirect(100);

        RecordResult result = writer.seal(ContentType.APPLICATION_DATA, src, dst);

        assertThat(result.status()).isEqualTo(RecordResult.Status.DST_TOO_SMALL);
        assertThat(result.bytesNeeded()).isEqualTo(5 + 100 + 1 + 16);
        assertThat(src.position()).isZero();
        assertThat(dst.position()).isZero();
        assertThat(writer.sequenceNumber()).isZero();
    }

    @Test
    void sealTakesOneRecordAtATimeFromTheSource() {
        RecordWriter writer = protectedWriter();
        writer.setMaxFragmentLength(1000);
        ByteBuffer src = ByteBuffer.allocateDirect(2500);
        src.put(pattern(2500, 10)).flip();
        ByteBuffer dst = ByteBuffer.allocate(writer.maxRecordLength() * 3);

        int records = 0;
        while (src.hasRemaining()) {
            RecordResult result = writer.seal(ContentType.APPLICATION_DATA, src, dst);
            assertThat(result.status()).isEqualTo(RecordResult.Status.OK);
            assertThat(result.wasProtected()).isTrue();
            records++;
        }

        assertThat(records).isEqualTo(3);
        dst.flip();
        byte[] wire = new byte[dst.remaining()];
        dst.get(wire);
        List<Record> opened = RecordTestSupport.feedInChunks(protectedReader(), wire, 999, 11);
        assertThat(RecordTestSupport.concatenate(opened)).isEqualTo(pattern(2500, 10));
    }

    @Test
    void sealGathersOneRecordFromSeveralBuffersUpToTheFragmentLimit() {
        RecordWriter writer = protectedWriter();
        writer.setMaxFragmentLength(1000);
        byte[] data = pattern(1500, 12);
        ByteBuffer header = ByteBuffer.wrap(data, 0, 9).slice();
        ByteBuffer direct = ByteBuffer.allocateDirect(600).put(data, 9, 600).flip();
        ByteBuffer rest = ByteBuffer.wrap(data, 609, 891).slice();
        ByteBuffer[] srcs = {ByteBuffer.allocate(0), header, direct, rest};
        ByteBuffer dst = ByteBuffer.allocate(writer.maxRecordLength() * 2);

        RecordResult first = writer.seal(ContentType.APPLICATION_DATA, srcs, 1, 3, dst);
        assertThat(first.status()).isEqualTo(RecordResult.Status.OK);
        assertThat(first.bytesConsumed()).isEqualTo(1000);
        assertThat(first.bytesProduced()).isEqualTo(5 + 1000 + 1 + 16);
        assertThat(header.hasRemaining()).isFalse();
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(rest.position()).isEqualTo(391);

        RecordResult second = writer.seal(ContentType.APPLICATION_DATA, srcs, 0, 4, dst);

        assertThat(second.bytesConsumed()).isEqualTo(500);
        assertThat(rest.hasRemaining()).isFalse();
        List<Record> opened = RecordTestSupport.feedInChunks(protectedReader(), wire(dst), 4096, 13);
        assertThat(opened).extracting(Record::length).containsExactly(1000, 500);
        assertThat(RecordTestSupport.concatenate(opened)).isEqualTo(data);
    }

    @Test
    void aGatheredRecordThatDoesNotFitMovesNoBuffer() {
        RecordWriter writer = protectedWriter();
        ByteBuffer header = ByteBuffer.wrap(pattern(9, 14));
        ByteBuffer payload = ByteBuffer.wrap(pattern(100, 15));
        ByteBuffer dst = ByteBuffer.allocate(100);

        RecordResult result = writer.seal(ContentType.APPLICATION_DATA, new ByteBuffer[] {header, payload}, 0, 2, dst);

        assertThat(result.status()).isEqualTo(RecordResult.Status.DST_TOO_SMALL);
        assertThat(result.bytesNeeded()).isEqualTo(5 + 109 + 1 + 16);
        assertThat(header.position()).isZero();
        assertThat(payload.position()).isZero();
        assertThat(dst.position()).isZero();
        assertThat(writer.sequenceNumber()).isZero();
    }

    private static byte[] wire(ByteBuffer dst) {
        dst.flip();
        byte[] wire = new byte[dst.remaining()];
        dst.get(wire);
        return wire;
    }

    @Test
    void misuseIsReportedAsIllegalArgument() {
        RecordWriter writer = new RecordWriter();
        assertThatThrownBy(() -> writer.write(null, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(ContentType.HEARTBEAT, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(ContentType.HANDSHAKE, new byte[4], 3, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.write(ContentType.HANDSHAKE, null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.seal(ContentType.APPLICATION_DATA, new ByteBuffer[1], 0, 1,
                ByteBuffer.allocate(100))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("srcs[0]");
        assertThatThrownBy(() -> writer.seal(ContentType.APPLICATION_DATA, new ByteBuffer[1], 1, 1,
                ByteBuffer.allocate(100))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.setProtection(null, new byte[12]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.setProtection(new TestGcmAead(RecordTestSupport.KEY), new byte[7]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
