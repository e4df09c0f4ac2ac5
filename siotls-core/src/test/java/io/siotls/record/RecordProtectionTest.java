package io.siotls.record;

import static io.siotls.record.RecordTestSupport.IV;
import static io.siotls.record.RecordTestSupport.KEY;
import static io.siotls.record.RecordTestSupport.protectedReader;
import static io.siotls.record.RecordTestSupport.protectedWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.crypto.Aead;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
                .isInstanceOf(InternalErrorAlert.class).hasMessageContaining("sequence number");
        assertThatThrownBy(() -> protection.open(0x0303, ByteBuffer.allocate(17), dst))
                .isInstanceOf(InternalErrorAlert.class);
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

    /**
     * Whatever the AEAD leaves behind when a record fails (here: what JDK 25's AES-GCM does in
     * place, the unauthenticated plaintext, and both buffers consumed), the caller's buffer holds
     * no byte of it, no position moved and the sequence number did not advance.
     */
    @Test
    void aFailedOpenErasesWhatTheAeadLeftAndAdvancesNothing() {
        RecordProtection protection = new RecordProtection(new LeakingAead(), IV, 5);
        ByteBuffer ciphertext = ByteBuffer.allocate(3 + 40 + 16).position(3);
        ByteBuffer dst = ByteBuffer.allocate(64);
        Arrays.fill(dst.array(), (byte) 0x5a);
        dst.position(2);

        assertThatThrownBy(() -> protection.open(0x0303, ciphertext, dst)).isInstanceOf(BadRecordMac.class);

        assertThat(protection.sequenceNumber()).isEqualTo(5);
        assertThat(ciphertext.position()).isEqualTo(3);
        assertThat(dst.position()).isEqualTo(2);
        assertThat(Arrays.copyOfRange(dst.array(), 2, 2 + 40)).containsOnly(0);
        assertThat(Arrays.copyOfRange(dst.array(), 0, 2)).containsOnly(0x5a);
        assertThat(Arrays.copyOfRange(dst.array(), 2 + 40, 64)).containsOnly(0x5a);
    }

    /**
     * With each real AEAD, a record opened in place that fails is erased (JDK 17 leaves the
     * ciphertext there, JDK 25's AES-GCM the unauthenticated plaintext), and the genuine record
     * then opens at the same sequence number: what a server skipping rejected 0-RTT records
     * relies on (RFC 8446 §4.2.10), once it opens them out of place.
     */
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aRecordFailingInPlaceIsErasedAndTheSequenceNumberCanBeTriedAgain(CipherSuite suite) {
        byte[] key = RecordTestSupport.pattern(suite.keyLength(), 7);
        byte[] iv = RecordTestSupport.pattern(suite.ivLength(), 8);
        byte[] content = RecordTestSupport.pattern(100, 9);
        ByteBuffer sealed = ByteBuffer.allocate(5 + content.length + 1 + suite.tagLength());
        new RecordProtection(CryptoProvider.getDefault().aead(suite, key), iv)
                .seal(ByteBuffer.wrap(content), ByteBuffer.wrap(new byte[] {23}), sealed);
        byte[] genuine = Arrays.copyOfRange(sealed.array(), 5, sealed.capacity());
        byte[] tampered = genuine.clone();
        tampered[10] ^= 1;
        RecordProtection protection = new RecordProtection(CryptoProvider.getDefault().aead(suite, key), iv);
        ByteBuffer inPlace = ByteBuffer.wrap(tampered);

        assertThatThrownBy(() -> protection.open(0x0303, inPlace, inPlace.duplicate()))
                .isInstanceOf(BadRecordMac.class);

        assertThat(inPlace.position()).isZero();
        assertThat(Arrays.copyOf(tampered, content.length + 1)).as("the record's plaintext bytes").containsOnly(0);
        assertThat(protection.sequenceNumber()).isZero();

        ByteBuffer dst = ByteBuffer.allocate(content.length + 1);
        assertThat(protection.open(0x0303, ByteBuffer.wrap(genuine), dst)).isEqualTo(content.length + 1);
        assertThat(Arrays.copyOf(dst.array(), content.length)).isEqualTo(content);
        assertThat(protection.sequenceNumber()).isEqualTo(1);
    }

    /**
     * An AEAD that fails the way a backend may: it decrypts (here, into 0x77 bytes) before it
     * checks the tag, consumes both buffers, and throws.
     */
    private static final class LeakingAead implements Aead {
        @Override
        public int tagLength() {
            return 16;
        }

        @Override
        public int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer output) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer output) {
            int length = ciphertext.remaining() - tagLength();
            for (int i = 0; i < length; i++) {
                output.put((byte) 0x77);
            }
            ciphertext.position(ciphertext.limit());
            throw new BadRecordMac("record authentication failed");
        }
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
