package io.siotls.keyschedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.crypto.CryptoProvider;
import io.siotls.testing.Hex;
import org.junit.jupiter.api.Test;

/** HKDF-Extract and HKDF-Expand against RFC 5869 Appendix A, test cases 1 to 3 (SHA-256). */
class HkdfTest {

    private final Hkdf hkdf = new Hkdf(CryptoProvider.getDefault(), "SHA-256");

    private static byte[] range(int first, int last) {
        byte[] bytes = new byte[last - first + 1];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    private static byte[] elevenBytes22() {
        return Hex.decode("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    }

    @Test
    void testCase1BasicSha256() {
        byte[] prk = hkdf.extract(range(0x00, 0x0c), elevenBytes22());

        assertThat(prk).isEqualTo(Hex.decode("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"));
        assertThat(hkdf.expand(prk, range(0xf0, 0xf9), 42)).isEqualTo(Hex.decode(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    }

    @Test
    void testCase2LongerInputsAndOutputs() {
        byte[] prk = hkdf.extract(range(0x60, 0xaf), range(0x00, 0x4f));

        assertThat(prk).isEqualTo(Hex.decode("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244"));
        assertThat(hkdf.expand(prk, range(0xb0, 0xff), 82)).isEqualTo(Hex.decode("""
                b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c
                59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71
                cc30c58179ec3e87c14c01d5c1f3434f1d87"""));
    }

    @Test
    void testCase3ZeroLengthSaltAndInfo() {
        byte[] prk = hkdf.extract(new byte[0], elevenBytes22());

        assertThat(prk).isEqualTo(Hex.decode("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04"));
        assertThat(hkdf.extract(null, elevenBytes22())).isEqualTo(prk);
        assertThat(hkdf.expand(prk, new byte[0], 42)).isEqualTo(Hex.decode(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    }

    @Test
    void expandBeyond255BlocksIsRefused() {
        assertThat(hkdf.expand(new byte[32], new byte[0], 255 * 32)).hasSize(255 * 32);
        assertThatThrownBy(() -> hkdf.expand(new byte[32], new byte[0], 255 * 32 + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashLengthIsTheDigestLength() {
        assertThat(hkdf.hashLength()).isEqualTo(32);
        assertThat(new Hkdf(CryptoProvider.getDefault(), "SHA-384").hashLength()).isEqualTo(48);
    }
}
