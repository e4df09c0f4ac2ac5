package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.iana.CipherSuite;
import io.siotls.testing.Hex;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link Aead} contract, for every cipher suite: buffers, in-place use, and authentication failures. */
class AeadContractTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final byte[] AAD = Hex.decode("1703030123");
    private static final int LENGTH = 123;
    private static final byte UNTOUCHED = 0x5a;

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static Aead aead(CipherSuite suite) {
        return CRYPTO.aead(suite, bytes(suite.keyLength(), 1));
    }

    private static byte[] nonce(CipherSuite suite) {
        return bytes(suite.ivLength(), 2);
    }

    private static byte[] sealed(CipherSuite suite, byte[] plaintext) {
        ByteBuffer out = ByteBuffer.allocate(plaintext.length + suite.tagLength());
        aead(suite).seal(nonce(suite), AAD, ByteBuffer.wrap(plaintext), out);
        return out.array();
    }

    private static ByteBuffer filled(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            buffer.put(UNTOUCHED);
        }
        return buffer.clear();
    }

    private static void roundTrip(CipherSuite suite, IntFunction<ByteBuffer> allocate) {
        byte[] plaintext = bytes(LENGTH, 3);
        ByteBuffer in = allocate.apply(LENGTH + 10).position(3);
        in.put(plaintext).flip().position(3);
        ByteBuffer sealed = allocate.apply(LENGTH + suite.tagLength() + 20).position(7);

        int written = aead(suite).seal(nonce(suite), AAD, in, sealed);

        assertThat(written).isEqualTo(LENGTH + suite.tagLength());
        assertThat(in.position()).isEqualTo(3 + LENGTH);
        assertThat(sealed.position()).isEqualTo(7 + written);
        sealed.flip().position(7);
        ByteBuffer opened = allocate.apply(LENGTH + 5).position(5).slice();

        int read = aead(suite).open(nonce(suite), AAD, sealed, opened);

        assertThat(read).isEqualTo(LENGTH);
        assertThat(sealed.hasRemaining()).isFalse();
        byte[] result = new byte[LENGTH];
        opened.flip().get(result);
        assertThat(result).isEqualTo(plaintext);
    }

    /** Content and trailer sealed apart give the same bytes as their concatenation sealed at once. */
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void contentAndTrailerSealLikeTheirConcatenation(CipherSuite suite) {
        byte[] plaintext = bytes(LENGTH, 3);
        for (int split : new int[] {0, 1, 15, 16, 17, LENGTH - 1, LENGTH}) {
            ByteBuffer content = ByteBuffer.allocateDirect(split).put(plaintext, 0, split).flip();
            ByteBuffer trailer = ByteBuffer.wrap(plaintext, split, LENGTH - split);
            ByteBuffer out = ByteBuffer.allocate(LENGTH + suite.tagLength());

            int written = aead(suite).seal(nonce(suite), AAD, content, trailer, out);

            assertThat(written).as("split at " + split).isEqualTo(LENGTH + suite.tagLength());
            assertThat(out.array()).as("split at " + split).isEqualTo(sealed(suite, plaintext));
            assertThat(content.hasRemaining() || trailer.hasRemaining()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void roundTripOverHeapBuffers(CipherSuite suite) {
        roundTrip(suite, ByteBuffer::allocate);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void roundTripOverDirectBuffers(CipherSuite suite) {
        roundTrip(suite, ByteBuffer::allocateDirect);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void roundTripInPlaceInOneArray(CipherSuite suite) {
        byte[] plaintext = bytes(LENGTH, 3);
        int offset = 9;
        byte[] array = new byte[offset + LENGTH + suite.tagLength()];
        System.arraycopy(plaintext, 0, array, offset, LENGTH);

        aead(suite).seal(nonce(suite), AAD, ByteBuffer.wrap(array, offset, LENGTH),
                ByteBuffer.wrap(array, offset, LENGTH + suite.tagLength()));

        assertThat(Arrays.copyOfRange(array, offset, array.length)).isEqualTo(sealed(suite, plaintext));

        int read = aead(suite).open(nonce(suite), AAD, ByteBuffer.wrap(array, offset, LENGTH + suite.tagLength()),
                ByteBuffer.wrap(array, offset, LENGTH + suite.tagLength()));

        assertThat(read).isEqualTo(LENGTH);
        assertThat(Arrays.copyOfRange(array, offset, offset + LENGTH)).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void roundTripInPlaceInOneDirectBuffer(CipherSuite suite) {
        byte[] plaintext = bytes(LENGTH, 3);
        ByteBuffer buffer = ByteBuffer.allocateDirect(LENGTH + suite.tagLength());
        buffer.put(plaintext).flip();

        aead(suite).seal(nonce(suite), AAD, buffer.duplicate(), buffer.duplicate().clear());
        aead(suite).open(nonce(suite), AAD, buffer.duplicate().clear(), buffer.duplicate().clear());

        byte[] result = new byte[LENGTH];
        buffer.get(result);
        assertThat(result).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void emptyPlaintextIsATagAlone(CipherSuite suite) {
        byte[] sealed = sealed(suite, new byte[0]);

        assertThat(sealed).hasSize(suite.tagLength());
        assertThat(aead(suite).open(nonce(suite), AAD, ByteBuffer.wrap(sealed), ByteBuffer.allocate(0))).isZero();
    }

    /**
     * What {@link Aead#open} promises when a record fails, over heap and direct buffers apart:
     * bad_record_mac, no position moved, the ciphertext only read, nothing written to the output
     * outside the bytes the plaintext would have taken (those are unspecified: JDK 25 writes and
     * zeroes them, JDK 17 does not touch them), and the AEAD still usable with the nonce the record
     * was tried with (JDK 17's ChaCha20-Poly1305 refuses a nonce twice in a row unless reset).
     */
    private static void assertRejected(CipherSuite suite, byte[] nonce, byte[] aad, byte[] ciphertext) {
        for (IntFunction<ByteBuffer> allocate : List.<IntFunction<ByteBuffer>>of(ByteBuffer::allocate,
                ByteBuffer::allocateDirect)) {
            ByteBuffer in = allocate.apply(ciphertext.length + 6).position(2);
            in.put(ciphertext).flip().position(2);
            ByteBuffer before = copy(in);
            ByteBuffer out = filled(allocate.apply(ciphertext.length + 8)).position(4);
            Aead aead = aead(suite);

            assertThatThrownBy(() -> aead.open(nonce, aad, in, out)).isInstanceOf(BadRecordMac.class);

            String buffers = in.isDirect() ? "direct" : "heap";
            assertThat(in.position()).as(buffers).isEqualTo(2);
            assertThat(in.limit()).as(buffers).isEqualTo(2 + ciphertext.length);
            assertThat(copy(in)).as(buffers + ": the ciphertext is only read").isEqualTo(before);
            assertThat(out.position()).as(buffers).isEqualTo(4);
            assertThat(out.limit()).as(buffers).isEqualTo(out.capacity());
            int plaintextEnd = 4 + Math.max(0, ciphertext.length - suite.tagLength());
            for (int i = 0; i < out.capacity(); i = i == 3 ? plaintextEnd : i + 1) {
                assertThat(out.get(i)).as(buffers + ": output byte " + i).isEqualTo(UNTOUCHED);
            }
            assertGenuineRecordOpens(suite, aead, buffers);
        }
    }

    private static ByteBuffer copy(ByteBuffer buffer) {
        ByteBuffer all = buffer.duplicate().clear();
        return ByteBuffer.allocate(all.remaining()).put(all).flip();
    }

    /** The same AEAD instance opens the genuine record under the genuine nonce. */
    private static void assertGenuineRecordOpens(CipherSuite suite, Aead aead, String description) {
        byte[] plaintext = bytes(LENGTH, 3);
        ByteBuffer opened = ByteBuffer.allocate(LENGTH);

        int read = aead.open(nonce(suite), AAD, ByteBuffer.wrap(sealed(suite, plaintext)), opened);

        assertThat(read).as(description + ": the AEAD still opens a genuine record").isEqualTo(LENGTH);
        assertThat(opened.array()).as(description).isEqualTo(plaintext);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void flippedCiphertextBitIsBadRecordMac(CipherSuite suite) {
        byte[] sealed = sealed(suite, bytes(LENGTH, 3));

        assertRejected(suite, nonce(suite), AAD, Hex.flipBit(sealed, 0));
        assertRejected(suite, nonce(suite), AAD, Hex.flipBit(sealed, LENGTH * 8 - 1));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void flippedTagBitIsBadRecordMac(CipherSuite suite) {
        byte[] sealed = sealed(suite, bytes(LENGTH, 3));

        assertRejected(suite, nonce(suite), AAD, Hex.flipBit(sealed, LENGTH * 8));
        assertRejected(suite, nonce(suite), AAD, Hex.flipBit(sealed, sealed.length * 8 - 1));
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void flippedAadBitIsBadRecordMac(CipherSuite suite) {
        byte[] sealed = sealed(suite, bytes(LENGTH, 3));

        assertRejected(suite, nonce(suite), Hex.flipBit(AAD, 33), sealed);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void flippedNonceBitIsBadRecordMac(CipherSuite suite) {
        byte[] sealed = sealed(suite, bytes(LENGTH, 3));

        assertRejected(suite, Hex.flipBit(nonce(suite), 95), AAD, sealed);
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void ciphertextShorterThanTheTagIsBadRecordMac(CipherSuite suite) {
        byte[] sealed = sealed(suite, new byte[0]);

        assertRejected(suite, nonce(suite), AAD, Arrays.copyOf(sealed, suite.tagLength() - 1));
        assertRejected(suite, nonce(suite), AAD, new byte[0]);
    }

    /**
     * A record that fails opened in place: bad_record_mac, no position moved, nothing written
     * outside the record, the AEAD still usable. The record's own bytes are not asserted: they
     * are lost, JDK 25's AES-GCM leaves the unauthenticated plaintext there (the record layer
     * erases it, see RecordProtectionTest).
     */
    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void failedOpenInPlaceMovesNothingAndWritesNothingOutsideTheRecord(CipherSuite suite) {
        for (IntFunction<ByteBuffer> allocate : List.<IntFunction<ByteBuffer>>of(ByteBuffer::allocate,
                ByteBuffer::allocateDirect)) {
            byte[] record = Hex.flipBit(sealed(suite, bytes(LENGTH, 3)), 7);
            ByteBuffer buffer = filled(allocate.apply(3 + record.length + 3));
            buffer.position(3).put(record).flip().position(3);
            ByteBuffer in = buffer.duplicate();
            ByteBuffer out = buffer.duplicate().clear().position(3);
            Aead aead = aead(suite);

            assertThatThrownBy(() -> aead.open(nonce(suite), AAD, in, out)).isInstanceOf(BadRecordMac.class);

            String buffers = buffer.isDirect() ? "direct" : "heap";
            assertThat(in.position()).as(buffers).isEqualTo(3);
            assertThat(in.limit()).as(buffers).isEqualTo(3 + record.length);
            assertThat(out.position()).as(buffers).isEqualTo(3);
            ByteBuffer whole = buffer.duplicate().clear();
            for (int i : new int[] {0, 1, 2, 3 + record.length, 4 + record.length, 5 + record.length}) {
                assertThat(whole.get(i)).as(buffers + ": byte " + i).isEqualTo(UNTOUCHED);
            }
            assertGenuineRecordOpens(suite, aead, buffers);
        }
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void tagLengthIsTheSuites(CipherSuite suite) {
        assertThat(aead(suite).tagLength()).isEqualTo(suite.tagLength());
    }

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void keyOfTheWrongLengthIsRefused(CipherSuite suite) {
        assertThatThrownBy(() -> CRYPTO.aead(suite, new byte[suite.keyLength() + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
