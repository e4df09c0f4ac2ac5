package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.iana.CipherSuite;
import io.siotls.testing.Hex;
import java.nio.ByteBuffer;
import java.util.Arrays;
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

    private static void assertRejected(CipherSuite suite, byte[] nonce, byte[] aad, byte[] ciphertext) {
        ByteBuffer in = ByteBuffer.wrap(ciphertext);
        ByteBuffer out = filled(ByteBuffer.allocate(ciphertext.length + 8)).position(4);

        assertThatThrownBy(() -> aead(suite).open(nonce, aad, in, out)).isInstanceOf(BadRecordMac.class);

        assertThat(in.position()).isZero();
        assertThat(in.limit()).isEqualTo(ciphertext.length);
        assertThat(out.position()).isEqualTo(4);
        assertThat(out.array()).containsOnly(UNTOUCHED);
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

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void openFailureLeavesAnInPlaceRecordUntouched(CipherSuite suite) {
        byte[] array = Hex.flipBit(sealed(suite, bytes(LENGTH, 3)), 7);
        byte[] before = array.clone();
        ByteBuffer in = ByteBuffer.wrap(array);
        ByteBuffer out = ByteBuffer.wrap(array);

        assertThatThrownBy(() -> aead(suite).open(nonce(suite), AAD, in, out)).isInstanceOf(BadRecordMac.class);

        assertThat(in.position()).isZero();
        assertThat(out.position()).isZero();
        assertThat(array).isEqualTo(before);
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
