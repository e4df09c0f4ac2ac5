package io.siotls.record;

import static io.siotls.record.RecordTestSupport.IV;
import static io.siotls.record.RecordTestSupport.KEY;
import static io.siotls.record.RecordTestSupport.pattern;
import static io.siotls.record.RecordTestSupport.protectedReader;
import static io.siotls.record.RecordTestSupport.protectedWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.alerts.RecordOverflow;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordReaderTest {

    private static byte[] mixedTraffic(RecordWriter writer) {
        writer.write(ContentType.HANDSHAKE, pattern(300, 1));
        writer.write(ContentType.ALERT, new byte[] {1, 0});
        writer.write(ContentType.APPLICATION_DATA, pattern(40_000, 2));
        writer.write(ContentType.APPLICATION_DATA, new byte[0]);
        return writer.drain();
    }

    private static void assertMixedTraffic(List<Record> records, boolean wasProtected) {
        assertThat(records).extracting(Record::type).containsExactly(ContentType.HANDSHAKE, ContentType.ALERT,
                ContentType.APPLICATION_DATA, ContentType.APPLICATION_DATA, ContentType.APPLICATION_DATA,
                ContentType.APPLICATION_DATA);
        assertThat(records).allMatch(record -> record.wasProtected() == wasProtected);
        assertThat(records.get(0).fragment()).isEqualTo(pattern(300, 1));
        assertThat(records.get(1).fragment()).containsExactly(1, 0);
        assertThat(RecordTestSupport.concatenate(records.subList(2, 5))).isEqualTo(pattern(40_000, 2));
        assertThat(records.get(5).length()).isZero();
    }

    @Test
    void plaintextRoundTripFedByteByByte() {
        byte[] wire = mixedTraffic(new RecordWriter());
        RecordReader reader = new RecordReader();

        List<Record> records = RecordTestSupport.feedInChunks(reader, wire, 1, 0);

        assertMixedTraffic(records, false);
        assertThat(reader.buffered()).isZero();
    }

    @Test
    void protectedRoundTripFedByteByByte() {
        byte[] wire = mixedTraffic(protectedWriter());

        assertMixedTraffic(RecordTestSupport.feedInChunks(protectedReader(), wire, 1, 0), true);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void protectedRoundTripFedInRandomChunks(long seed) {
        byte[] wire = mixedTraffic(protectedWriter());

        assertMixedTraffic(RecordTestSupport.feedInChunks(protectedReader(), wire, 20_000, seed), true);
    }

    @Test
    void plaintextRoundTripFedInRandomChunks() {
        byte[] wire = mixedTraffic(new RecordWriter());

        assertMixedTraffic(RecordTestSupport.feedInChunks(new RecordReader(), wire, 5000, 9), false);
    }

    @Test
    void theInputBufferIsCompactedInsteadOfGrowing() throws Exception {
        RecordWriter writer = new RecordWriter();
        writer.write(ContentType.APPLICATION_DATA, pattern(1000, 3));
        byte[] record = writer.drain();
        RecordReader reader = new RecordReader();
        reader.feed(record, 0, 10);

        for (int i = 0; i < 2000; i++) {
            reader.feed(record, 10, record.length - 10);
            reader.feed(record, 0, 10);
            assertThat(reader.next().fragment()).isEqualTo(pattern(1000, 3));
        }

        java.lang.reflect.Field input = RecordReader.class.getDeclaredField("input");
        input.setAccessible(true);
        assertThat(((byte[]) input.get(reader)).length).isLessThanOrEqualTo(4096);
        assertThat(reader.buffered()).isEqualTo(10);
    }

    @Test
    void aProtectedChangeCipherSpecIsPassedUpUndecrypted() {
        RecordReader reader = protectedReader();

        reader.feed(new byte[] {20, 3, 3, 0, 1, 1});
        Record record = reader.next();

        assertThat(record.type()).isEqualTo(ContentType.CHANGE_CIPHER_SPEC);
        assertThat(record.wasProtected()).isFalse();
        assertThat(record.fragment()).containsExactly(1);
        assertThat(reader.sequenceNumber()).isZero();
    }

    @Test
    void protectedRecordLongerThan2To14Plus256IsAnOverflowAsSoonAsTheHeaderIsIn() {
        RecordReader reader = protectedReader();

        reader.feed(new byte[] {23, 3, 3, 0x41, 0x01});

        assertThatThrownBy(reader::next).isInstanceOf(RecordOverflow.class).hasMessageContaining("16641");
    }

    @Test
    void protectedRecordOf2To14Plus256IsNotAnOverflow() {
        RecordReader reader = protectedReader();

        reader.feed(new byte[] {23, 3, 3, 0x41, 0x00});

        assertThat(reader.next()).isNull();
    }

    @Test
    void plaintextRecordLongerThan2To14IsAnOverflow() {
        RecordReader reader = new RecordReader();

        reader.feed(new byte[] {22, 3, 3, 0x40, 0x01});

        assertThatThrownBy(reader::next).isInstanceOf(RecordOverflow.class).hasMessageContaining("16385");
    }

    @Test
    void decryptedInnerPlaintextLongerThan2To14Plus1IsAnOverflow() {
        byte[] inner = new byte[16386];
        inner[16384] = 23;

        RecordReader reader = protectedReader();
        reader.feed(sealInner(inner));

        assertThatThrownBy(reader::next).isInstanceOf(RecordOverflow.class).hasMessageContaining("TLSInnerPlaintext");
    }

    @Test
    void decryptedContentLongerThan2To14IsAnOverflow() {
        byte[] inner = new byte[16386];
        inner[16385] = 23;

        RecordReader reader = protectedReader();
        reader.feed(sealInner(inner));

        assertThatThrownBy(reader::next).isInstanceOf(RecordOverflow.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 24, 25, 255})
    void unknownContentTypeIsUnexpected(int type) {
        RecordReader reader = new RecordReader();

        reader.feed(new byte[] {(byte) type, 3, 3, 0, 1, 0});

        assertThatThrownBy(reader::next).isInstanceOf(UnexpectedMessage.class).hasMessageContaining("type " + type);
    }

    @Test
    void unknownInnerContentTypeIsUnexpected() {
        RecordReader reader = protectedReader();
        reader.feed(sealInner(new byte[] {1, 2, 99, 0, 0}));

        assertThatThrownBy(reader::next).isInstanceOf(UnexpectedMessage.class).hasMessageContaining("99");
    }

    @Test
    void protectedChangeCipherSpecIsUnexpected() {
        RecordReader reader = protectedReader();
        reader.feed(sealInner(new byte[] {1, 20}));

        assertThatThrownBy(reader::next).isInstanceOf(UnexpectedMessage.class).hasMessageContaining("change_cipher_spec");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 300})
    void innerPlaintextOfOnlyZerosIsUnexpected(int length) {
        RecordReader reader = protectedReader();
        reader.feed(sealInner(new byte[length]));

        assertThatThrownBy(reader::next).isInstanceOf(UnexpectedMessage.class).hasMessageContaining("all zeros");
    }

    @Test
    void unprotectedHandshakeAfterProtectionIsUnexpected() {
        RecordReader reader = protectedReader();

        reader.feed(new byte[] {22, 3, 3, 0, 2, 1, 0});

        assertThatThrownBy(reader::next).isInstanceOf(UnexpectedMessage.class).hasMessageContaining("unprotected");
    }

    @Test
    void unprotectedAlertAfterProtectionIsPassedUpForTheConnectionToJudge() {
        RecordReader reader = protectedReader();

        reader.feed(new byte[] {21, 3, 3, 0, 2, 2, 40});

        Record record = reader.next();
        assertThat(record.type()).isEqualTo(ContentType.ALERT);
        assertThat(record.wasProtected()).isFalse();
        assertThat(record.fragment()).containsExactly(2, 40);
    }

    @Test
    void recordFailingAuthenticationIsABadRecordMac() {
        RecordWriter writer = protectedWriter();
        writer.write(ContentType.APPLICATION_DATA, pattern(50, 4));
        byte[] wire = writer.drain();
        wire[20] ^= 1;
        RecordReader reader = protectedReader();

        reader.feed(wire);

        assertThatThrownBy(reader::next).isInstanceOf(BadRecordMac.class);
    }

    @Test
    void recordShorterThanTheTagIsABadRecordMac() {
        RecordReader reader = protectedReader();

        reader.feed(new byte[] {23, 3, 3, 0, 3, 1, 2, 3});

        assertThatThrownBy(reader::next).isInstanceOf(BadRecordMac.class).hasMessageContaining("tag");
    }

    @Test
    void recordUnderAnotherKeyIsABadRecordMac() {
        RecordWriter writer = new RecordWriter();
        writer.setProtection(new TestGcmAead(pattern(16, 5)), IV);
        writer.write(ContentType.HANDSHAKE, pattern(50, 4));
        RecordReader reader = protectedReader();

        reader.feed(writer.drain());

        assertThatThrownBy(reader::next).isInstanceOf(BadRecordMac.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 22})
    void emptyPlaintextHandshakeOrAlertIsUnexpected(int type) {
        RecordReader reader = new RecordReader();

        reader.feed(new byte[] {(byte) type, 3, 3, 0, 0});

        assertThatThrownBy(reader::next).isInstanceOf(UnexpectedMessage.class).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 22})
    void emptyProtectedHandshakeOrAlertIsUnexpected(int type) {
        RecordReader reader = protectedReader();
        reader.feed(sealInner(new byte[] {(byte) type, 0, 0}));

        assertThatThrownBy(reader::next).isInstanceOf(UnexpectedMessage.class).hasMessageContaining("empty");
    }

    @Test
    void emptyPlaintextApplicationDataIsPassedUp() {
        RecordReader reader = new RecordReader();

        reader.feed(new byte[] {23, 3, 3, 0, 0});

        assertThat(reader.next().length()).isZero();
    }

    @Test
    void legacyVersionMinorByteIsIgnored() {
        RecordReader reader = new RecordReader();

        reader.feed(new byte[] {22, 3, 1, 0, 1, 7, 22, 3, 0x7f, 0, 1, 8});

        assertThat(reader.next().fragment()).containsExactly(7);
        assertThat(reader.next().fragment()).containsExactly(8);
    }

    @Test
    void legacyVersionWithAnotherMajorByteIsAProtocolVersionError() {
        RecordReader reader = new RecordReader();

        reader.feed(new byte[] {22, 2, 0, 0, 1});

        assertThatThrownBy(reader::next).isInstanceOf(ProtocolVersion.class).hasMessageContaining("0x0200");
    }

    @Test
    void plaintextHttpIsRecognisedInTheProtocolVersionError() {
        RecordReader reader = new RecordReader();

        reader.feed("GET / HTTP/1.1\r\n".getBytes());

        assertThatThrownBy(reader::next).isInstanceOf(ProtocolVersion.class).hasMessageContaining("HTTP");
    }

    @Test
    void openReportsMissingInputThenDstTooSmallThenOpens() {
        RecordWriter writer = protectedWriter();
        writer.write(ContentType.APPLICATION_DATA, pattern(100, 6));
        byte[] wire = writer.drain();
        RecordReader reader = protectedReader();

        ByteBuffer src = ByteBuffer.allocateDirect(wire.length);
        src.put(wire, 0, 3).flip();
        RecordResult result = reader.open(src, ByteBuffer.allocate(1000));
        assertThat(result.status()).isEqualTo(RecordResult.Status.NEED_MORE_INPUT);
        assertThat(result.bytesNeeded()).isEqualTo(5);

        src.clear().put(wire, 0, 50).flip();
        result = reader.open(src, ByteBuffer.allocate(1000));
        assertThat(result.status()).isEqualTo(RecordResult.Status.NEED_MORE_INPUT);
        assertThat(result.bytesNeeded()).isEqualTo(wire.length);
        assertThat(src.position()).isZero();

        src.clear().put(wire).flip();
        ByteBuffer small = ByteBuffer.allocateDirect(100);
        result = reader.open(src, small);
        assertThat(result.status()).isEqualTo(RecordResult.Status.DST_TOO_SMALL);
        assertThat(result.bytesNeeded()).isEqualTo(101);
        assertThat(src.position()).isZero();
        assertThat(small.position()).isZero();

        ByteBuffer dst = ByteBuffer.allocateDirect(101);
        result = reader.open(src, dst);
        assertThat(result.status()).isEqualTo(RecordResult.Status.OK);
        assertThat(result.type()).isEqualTo(ContentType.APPLICATION_DATA);
        assertThat(result.wasProtected()).isTrue();
        assertThat(result.bytesConsumed()).isEqualTo(wire.length);
        assertThat(result.bytesProduced()).isEqualTo(100);
        assertThat(src.hasRemaining()).isFalse();
        byte[] content = new byte[100];
        dst.flip().get(content);
        assertThat(content).isEqualTo(pattern(100, 6));
    }

    @Test
    void openStopsAtTheEndOfOneRecordInHeapBuffers() {
        RecordWriter writer = new RecordWriter();
        writer.write(ContentType.HANDSHAKE, new byte[] {1, 2});
        writer.write(ContentType.APPLICATION_DATA, new byte[] {3});
        ByteBuffer src = ByteBuffer.wrap(writer.drain());
        ByteBuffer dst = ByteBuffer.allocate(10);
        RecordReader reader = new RecordReader();

        RecordResult result = reader.open(src, dst);

        assertThat(result.type()).isEqualTo(ContentType.HANDSHAKE);
        assertThat(result.wasProtected()).isFalse();
        assertThat(src.position()).isEqualTo(7);
        assertThat(src.limit()).isEqualTo(13);
        assertThat(Arrays.copyOf(dst.array(), dst.position())).containsExactly(1, 2);
        assertThat(reader.open(src, ByteBuffer.allocate(0)).status()).isEqualTo(RecordResult.Status.DST_TOO_SMALL);
        assertThat(reader.open(src, dst).type()).isEqualTo(ContentType.APPLICATION_DATA);
        assertThat(reader.open(src, dst).status()).isEqualTo(RecordResult.Status.NEED_MORE_INPUT);
    }

    @Test
    void misuseIsReportedAsIllegalArgument() {
        RecordReader reader = new RecordReader();
        assertThatThrownBy(() -> reader.feed((byte[]) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.feed(new byte[3], 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.open(null, ByteBuffer.allocate(1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A protected record whose TLSInnerPlaintext is exactly {@code inner}, sealed at sequence 0. */
    private static byte[] sealInner(byte[] inner) {
        RecordProtection protection = new RecordProtection(new TestGcmAead(KEY), IV);
        ByteBuffer out = ByteBuffer.allocate(5 + inner.length + 16);
        protection.seal(ByteBuffer.wrap(inner), ByteBuffer.allocate(0), out);
        return out.array();
    }
}
