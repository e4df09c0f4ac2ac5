package io.siotls.record;

import static io.siotls.record.RecordTestSupport.IV;
import static io.siotls.record.RecordTestSupport.KEY;
import static io.siotls.record.RecordTestSupport.protectedReader;
import static io.siotls.record.RecordTestSupport.protectedWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.InternalError;
import io.siotls.crypto.Aead;
import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordProtectionTest {

    @Test
    void identicalPlaintextsGiveDifferentCiphertexts() {
        RecordWriter writer = protectedWriter();
        byte[] message = "same bytes".getBytes();

        writer.write(ContentType.APPLICATION_DATA, message);
        byte[] first = writer.drain();
        writer.write(ContentType.APPLICATION_DATA, message);
        byte[] second = writer.drain();

        assertThat(first).hasSameSizeAs(second);
        assertThat(Arrays.copyOfRange(first, 5, first.length)).isNotEqualTo(Arrays.copyOfRange(second, 5, second.length));
        assertThat(writer.sequenceNumber()).isEqualTo(2);
    }

    @Test
    void theNonceIsTheIvXoredWithTheSequenceNumber() {
        RecordingAead recording = new RecordingAead();
        RecordProtection protection = new RecordProtection(recording, IV, 0x0102030405060708L);
        ByteBuffer dst = ByteBuffer.allocate(64);

        protection.seal(ByteBuffer.wrap(new byte[] {42, 23}), ByteBuffer.allocate(0), dst);

        byte[] expected = IV.clone();
        for (int i = 0; i < 8; i++) {
            expected[4 + i] ^= (byte) (i + 1);
        }
        assertThat(recording.nonce).isEqualTo(expected);
        assertThat(recording.aad).containsExactly(23, 3, 3, 0, 2 + 16);
        assertThat(protection.sequenceNumber()).isEqualTo(0x0102030405060709L);
    }

    @Test
    void theSequenceNumberNeverWraps() {
        RecordProtection protection = new RecordProtection(new TestGcmAead(KEY), IV, -1L);
        ByteBuffer dst = ByteBuffer.allocate(1024);

        protection.seal(ByteBuffer.wrap(new byte[] {1, 23}), ByteBuffer.allocate(0), dst);

        assertThatThrownBy(() -> protection.seal(ByteBuffer.wrap(new byte[] {1, 23}), ByteBuffer.allocate(0), dst))
                .isInstanceOf(InternalError.class).hasMessageContaining("sequence number");
        assertThatThrownBy(() -> protection.open(0x0303, ByteBuffer.allocate(17), dst))
                .isInstanceOf(InternalError.class);
    }

    @Test
    void aReplayedRecordFailsAuthentication() {
        RecordWriter writer = protectedWriter();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3});
        byte[] record = writer.drain();
        RecordReader reader = protectedReader();
        reader.feed(record);
        assertThat(reader.next().fragment()).containsExactly(1, 2, 3);

        reader.feed(record);

        assertThatThrownBy(reader::next).isInstanceOf(BadRecordMac.class);
    }

    @Test
    void reorderedRecordsFailAuthentication() {
        RecordWriter writer = protectedWriter();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {1});
        byte[] first = writer.drain();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {2});
        byte[] second = writer.drain();
        RecordReader reader = protectedReader();

        reader.feed(second);
        reader.feed(first);

        assertThatThrownBy(reader::next).isInstanceOf(BadRecordMac.class);
    }

    @Test
    void aTamperedHeaderFailsAuthentication() {
        RecordWriter writer = protectedWriter();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {1, 2, 3});
        byte[] record = writer.drain();
        record[2] = 0x01;
        RecordReader reader = protectedReader();

        reader.feed(record);

        assertThatThrownBy(reader::next).isInstanceOf(BadRecordMac.class);
    }

    @Test
    void settingProtectionAgainRestartsTheSequence() {
        RecordWriter writer = protectedWriter();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {1});
        writer.setProtection(new TestGcmAead(KEY), IV);
        assertThat(writer.sequenceNumber()).isZero();
        writer.write(ContentType.APPLICATION_DATA, new byte[] {2});
        byte[] wire = writer.drain();

        RecordReader reader = protectedReader();
        reader.feed(Arrays.copyOfRange(wire, 5 + 1 + 1 + 16, wire.length));
        assertThat(reader.next().fragment()).containsExactly(2);
        assertThat(reader.sequenceNumber()).isEqualTo(1);
    }

    /** Records the nonce and additional data it is given; its "tag" is 16 zero bytes. */
    private static final class RecordingAead implements Aead {
        byte[] nonce;
        byte[] aad;

        @Override
        public int tagLength() {
            return 16;
        }

        @Override
        public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer output) {
            this.nonce = nonce.clone();
            this.aad = aad.clone();
            int length = plaintext.remaining();
            output.put(plaintext).put(new byte[16]);
            return length + 16;
        }

        @Override
        public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer output) {
            throw new UnsupportedOperationException();
        }
    }
}
