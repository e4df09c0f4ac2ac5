package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.CipherSuite;
import io.siotls.testing.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Published AEAD vectors with 12-byte nonces, sealed and opened through {@link CryptoProvider#aead}. */
class AeadKnownAnswerTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    /** McGrew-Viega GCM specification, test cases 4 and 16: 60-byte plaintext, 20-byte AAD. */
    private static final byte[] GCM_IV = Hex.decode("cafebabefacedbaddecaf888");
    private static final byte[] GCM_AAD = Hex.decode("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    private static final byte[] GCM_PLAINTEXT = Hex.decode("""
            d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72
            1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39""");

    private static byte[] seal(CipherSuite suite, byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        Aead aead = CRYPTO.aead(suite, key);
        ByteBuffer out = ByteBuffer.allocate(plaintext.length + aead.tagLength());
        int written = aead.seal(nonce, aad, ByteBuffer.wrap(plaintext), out);
        assertThat(written).isEqualTo(out.capacity());
        return out.array();
    }

    private static byte[] open(CipherSuite suite, byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        ByteBuffer out = ByteBuffer.allocate(ciphertext.length);
        int written = CRYPTO.aead(suite, key).open(nonce, aad, ByteBuffer.wrap(ciphertext), out);
        return Arrays.copyOf(out.array(), written);
    }

    private static void assertKnownAnswer(CipherSuite suite, byte[] key, byte[] nonce, byte[] aad, byte[] plaintext,
            byte[] ciphertextAndTag) {
        assertThat(seal(suite, key, nonce, aad, plaintext)).isEqualTo(ciphertextAndTag);
        assertThat(open(suite, key, nonce, aad, ciphertextAndTag)).isEqualTo(plaintext);
    }

    @Test
    void chacha20Poly1305Rfc8439Section282() {
        assertKnownAnswer(CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                Hex.decode("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"),
                Hex.decode("070000004041424344454647"),
                Hex.decode("50515253c0c1c2c3c4c5c6c7"),
                ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
                        + "sunscreen would be it.").getBytes(StandardCharsets.US_ASCII),
                Hex.decode("""
                        d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6
                        3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36
                        92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc
                        3ff4def08e4b7a9de576d26586cec64b6116
                        1ae10b594f09e26a7e902ecbd0600691"""));
    }

    @Test
    void aes128GcmSpecTestCase4() {
        assertKnownAnswer(CipherSuite.TLS_AES_128_GCM_SHA256, Hex.decode("feffe9928665731c6d6a8f9467308308"),
                GCM_IV, GCM_AAD, GCM_PLAINTEXT, Hex.decode("""
                        42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e
                        21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091
                        5bc94fbc3221a5db94fae95ae7121a47"""));
    }

    @Test
    void aes256GcmSpecTestCase16() {
        assertKnownAnswer(CipherSuite.TLS_AES_256_GCM_SHA384,
                Hex.decode("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"),
                GCM_IV, GCM_AAD, GCM_PLAINTEXT, Hex.decode("""
                        522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa
                        8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662
                        76fc6ece0f4e1768cddf8853bb2d551b"""));
    }

    /** NIST SP 800-38C Appendix C, Example 3: 12-byte nonce, 8-byte tag, as TLS_AES_128_CCM_8_SHA256 uses. */
    @Test
    void aes128Ccm8Sp80038cExample3() {
        assertKnownAnswer(CipherSuite.TLS_AES_128_CCM_8_SHA256, Hex.decode("404142434445464748494a4b4c4d4e4f"),
                Hex.decode("101112131415161718191a1b"),
                Hex.decode("000102030405060708090a0b0c0d0e0f10111213"),
                Hex.decode("202122232425262728292a2b2c2d2e2f3031323334353637"),
                Hex.decode("e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5 484392fbc1b09951"));
    }

    /**
     * No published AES-CCM vector has both a 12-byte nonce and a 16-byte tag, so TLS_AES_128_CCM_SHA256
     * (and CCM_8 beside it) is checked against BouncyCastle's JCA cipher, a separate code path from the
     * lightweight API {@link CcmAead} uses, over lengths around the block size.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 100, 1000})
    void ccmMatchesBouncyCastlesJcaCipher(int length) throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[16];
        byte[] nonce = new byte[12];
        byte[] aad = new byte[5];
        byte[] plaintext = new byte[length];
        random.nextBytes(key);
        random.nextBytes(nonce);
        random.nextBytes(aad);
        random.nextBytes(plaintext);
        for (CipherSuite suite : new CipherSuite[] {CipherSuite.TLS_AES_128_CCM_SHA256,
                CipherSuite.TLS_AES_128_CCM_8_SHA256}) {
            Cipher reference = Cipher.getInstance("AES/CCM/NoPadding", new BouncyCastleProvider());
            reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(suite.tagLength() * 8, nonce));
            reference.updateAAD(aad);
            byte[] expected = reference.doFinal(plaintext);

            assertThat(expected).hasSize(length + suite.tagLength());
            assertKnownAnswer(suite, key, nonce, aad, plaintext, expected);
        }
    }
}
