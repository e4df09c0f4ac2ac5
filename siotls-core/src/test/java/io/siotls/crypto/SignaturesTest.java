package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Hex;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import io.siotls.testing.PssSalt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every SignatureScheme with a key of its type: sign, verify, refusals, and which keys fit. */
class SignaturesTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "TLS 1.3, server CertificateVerify, and then some content"
            .getBytes(StandardCharsets.US_ASCII);

    /** The key types that fit {@code scheme} (RFC 8446 §4.2.3); the first is the one tests sign with. */
    private static Set<KeyType> fitting(SignatureScheme scheme) {
        return switch (scheme) {
            case RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512, RSA_PKCS1_SHA1,
                    RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512 -> EnumSet.of(KeyType.RSA_2048);
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 -> EnumSet.of(KeyType.RSA_PSS_2048);
            case ECDSA_SECP256R1_SHA256 -> EnumSet.of(KeyType.EC_P256);
            case ECDSA_SECP384R1_SHA384 -> EnumSet.of(KeyType.EC_P384);
            case ECDSA_SECP521R1_SHA512 -> EnumSet.of(KeyType.EC_P521);
            case ECDSA_SHA1 -> EnumSet.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.EC_P521);
            case ED25519 -> EnumSet.of(KeyType.ED25519);
            case ED448 -> EnumSet.of(KeyType.ED448);
        };
    }

    private static KeyPair keyPair(SignatureScheme scheme) {
        return KeyPairs.cached(fitting(scheme).iterator().next(), "signatures");
    }

    private static byte[] sign(SignatureScheme scheme, byte[] message) {
        return CRYPTO.sign(scheme, keyPair(scheme).getPrivate(), message, RANDOM);
    }

    private static boolean verify(SignatureScheme scheme, byte[] message, byte[] signature) {
        return CRYPTO.verify(scheme, keyPair(scheme).getPublic(), message, signature);
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void isSupportedOnThisJdk(SignatureScheme scheme) {
        assertThat(CRYPTO.supports(scheme)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void signatureVerifies(SignatureScheme scheme) {
        assertThat(verify(scheme, MESSAGE, sign(scheme, MESSAGE))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void flippedMessageBitFailsVerification(SignatureScheme scheme) {
        byte[] signature = sign(scheme, MESSAGE);

        assertThat(verify(scheme, Hex.flipBit(MESSAGE, 0), signature)).isFalse();
        assertThat(verify(scheme, Hex.flipBit(MESSAGE, MESSAGE.length * 8 - 1), signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void flippedSignatureBitFailsVerification(SignatureScheme scheme) {
        byte[] signature = sign(scheme, MESSAGE);

        for (int bit : new int[] {0, 7, signature.length * 4, signature.length * 8 - 1}) {
            assertThat(verify(scheme, MESSAGE, Hex.flipBit(signature, bit))).as("bit " + bit).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void garbageSignaturesFailVerificationWithoutThrowing(SignatureScheme scheme) {
        byte[] signature = sign(scheme, MESSAGE);
        byte[] random = new byte[signature.length];
        new Random(5).nextBytes(random);
        byte[] allOnes = new byte[signature.length];
        Arrays.fill(allOnes, (byte) 0xff);

        for (byte[] garbage : new byte[][] {new byte[0], new byte[1], random, allOnes,
                Arrays.copyOf(signature, signature.length - 1), Arrays.copyOf(signature, signature.length + 1),
                new byte[4096]}) {
            assertThat(verify(scheme, MESSAGE, garbage)).as(garbage.length + " bytes").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void keyFitsOnlyItsOwnTypeCurveAndRsaFlavour(SignatureScheme scheme) {
        for (KeyType type : KeyType.values()) {
            KeyPair pair = KeyPairs.cached(type, "signatures");
            boolean fits = fitting(scheme).contains(type);

            assertThat(CRYPTO.keyFits(scheme, pair.getPrivate())).as(type + " private key").isEqualTo(fits);
            assertThat(CRYPTO.keyFits(scheme, pair.getPublic())).as(type + " public key").isEqualTo(fits);
        }
        assertThat(CRYPTO.keyFits(scheme, null)).isFalse();
    }

    /** Curves with the same order length as the NIST ones are still other curves. */
    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "secp256k1", "brainpoolP384r1", "brainpoolP512r1"})
    void keyFitsRefusesOtherCurvesOfTheSameSize(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair pair = generator.generateKeyPair();

        for (SignatureScheme scheme : EnumSet.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ECDSA_SECP521R1_SHA512)) {
            assertThat(CRYPTO.keyFits(scheme, pair.getPublic())).as(scheme.toString()).isFalse();
            assertThat(CRYPTO.keyFits(scheme, pair.getPrivate())).as(scheme.toString()).isFalse();
        }
    }

    /** Keys from another provider (BouncyCastle's, as a PEM loader may produce) fit by their curve's values. */
    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = "ECDSA_SECP.*", mode = EnumSource.Mode.MATCH_ANY)
    void keyFitsNistCurveKeysOfAnotherProvider(SignatureScheme scheme) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec(scheme.ianaName().split("_")[1]));
        KeyPair pair = generator.generateKeyPair();

        assertThat(CRYPTO.keyFits(scheme, pair.getPublic())).isTrue();
        assertThat(CRYPTO.keyFits(scheme, pair.getPrivate())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void verifyWithAKeyThatDoesNotFitIsFalse(SignatureScheme scheme) {
        byte[] signature = sign(scheme, MESSAGE);

        for (KeyType type : EnumSet.complementOf(EnumSet.copyOf(fitting(scheme)))) {
            assertThat(CRYPTO.verify(scheme, KeyPairs.cached(type, "signatures").getPublic(), MESSAGE, signature))
                    .as(type.toString()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureScheme.class)
    void signWithAKeyThatDoesNotFitIsRefused(SignatureScheme scheme) {
        for (KeyType type : EnumSet.complementOf(EnumSet.copyOf(fitting(scheme)))) {
            assertThatThrownBy(() -> CRYPTO.sign(scheme, KeyPairs.cached(type, "signatures").getPrivate(), MESSAGE,
                    RANDOM)).as(type.toString()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A SecureRandom that always hands out the same bytes. */
    private static final class Repeating extends SecureRandom {
        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (0xa0 + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SignatureScheme.class, names = "RSA_PSS_.*", mode = EnumSource.Mode.MATCH_ANY)
    void pssSaltComesFromTheInjectedRandom(SignatureScheme scheme) throws Exception {
        KeyPair pair = keyPair(scheme);
        byte[] first = CRYPTO.sign(scheme, pair.getPrivate(), MESSAGE, new Repeating());
        byte[] second = CRYPTO.sign(scheme, pair.getPrivate(), MESSAGE, new Repeating());
        String hash = "SHA-" + scheme.ianaName().substring(scheme.ianaName().length() - 3);
        int saltLength = Integer.parseInt(hash.substring(4)) / 8;
        byte[] expectedSalt = new byte[saltLength];
        new Repeating().nextBytes(expectedSalt);

        assertThat(first).isEqualTo(second);
        assertThat(PssSalt.recover((RSAPublicKey) pair.getPublic(), first, hash, saltLength)).isEqualTo(expectedSalt);
        assertThat(CRYPTO.sign(scheme, pair.getPrivate(), MESSAGE, RANDOM)).isNotEqualTo(first);
    }
}
