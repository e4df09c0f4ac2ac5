package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.NamedGroup;
import io.siotls.testing.Hex;
import io.siotls.testing.Rfc8448;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.SecureRandom;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every NamedGroup: agreement between a client's key pair and a server's answer, exact share
 * lengths, known answers and the peer values TLS must refuse.
 */
class KeyExchangeTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static KeyExchange exchange(NamedGroup group) {
        return CRYPTO.keyExchange(group);
    }

    private static KeyExchangeKeyPair generate(NamedGroup group) {
        return exchange(group).generate(RANDOM);
    }

    /**
     * The client's key_exchange lengths: RFC 8446 §4.2.8.1 and §4.2.8.2; ML-KEM encapsulation
     * keys of 384k + 32 bytes (FIPS 203 §8), alone or beside an ECDHE share
     * (draft-ietf-tls-ecdhe-mlkem §3).
     */
    private static int shareLength(NamedGroup group) {
        return switch (group) {
            case MLKEM512 -> 800;
            case MLKEM768 -> 1184;
            case MLKEM1024 -> 1568;
            case X25519MLKEM768 -> 1184 + 32;
            case SECP256R1MLKEM768 -> 65 + 1184;
            case SECP384R1MLKEM1024 -> 97 + 1568;
            case X25519 -> 32;
            case X448 -> 56;
            case SECP256R1 -> 1 + 2 * 32;
            case SECP384R1 -> 1 + 2 * 48;
            case SECP521R1 -> 1 + 2 * 66;
            case FFDHE2048 -> 256;
            case FFDHE3072 -> 384;
            case FFDHE4096 -> 512;
            case FFDHE6144 -> 768;
            case FFDHE8192 -> 1024;
        };
    }

    /** The server's key_exchange length: the client's for (EC)DHE, the ciphertext's for ML-KEM (FIPS 203 §8). */
    private static int serverShareLength(NamedGroup group) {
        return switch (group) {
            case MLKEM512 -> 768;
            case MLKEM768 -> 1088;
            case MLKEM1024 -> 1568;
            case X25519MLKEM768 -> 1088 + 32;
            case SECP256R1MLKEM768 -> 65 + 1088;
            case SECP384R1MLKEM1024 -> 97 + 1568;
            default -> shareLength(group);
        };
    }

    /**
     * Z's length, RFC 8446 §7.4: the prime's length for finite fields, the x-coordinate's for
     * curves; ML-KEM's 32 bytes, beside the ECDHE secret in a hybrid.
     */
    private static int secretLength(NamedGroup group) {
        return switch (group) {
            case SECP256R1, SECP384R1, SECP521R1 -> (shareLength(group) - 1) / 2;
            case MLKEM512, MLKEM768, MLKEM1024 -> 32;
            case X25519MLKEM768, SECP256R1MLKEM768 -> 64;
            case SECP384R1MLKEM1024 -> 32 + 48;
            default -> shareLength(group);
        };
    }

    /** The private keys of fromPrivateKey: the scalar or exponent; ML-KEM's seed d ‖ z, in a hybrid beside the scalar. */
    private static int privateKeyLength(NamedGroup group) {
        return switch (group) {
            case X448 -> 56;
            case MLKEM512, MLKEM768, MLKEM1024 -> 64;
            case X25519MLKEM768, SECP256R1MLKEM768 -> 64 + 32;
            case SECP384R1MLKEM1024 -> 64 + 48;
            default -> 32;
        };
    }

    @ParameterizedTest
    @EnumSource(NamedGroup.class)
    void isSupportedAndNamedAfterItsGroup(NamedGroup group) {
        assertThat(CRYPTO.supports(group)).isTrue();
        assertThat(exchange(group).group()).isEqualTo(group);
    }

    @ParameterizedTest
    @EnumSource(NamedGroup.class)
    void aClientAndTheServersAnswerAgreeOnASecretOfTheExpectedLength(NamedGroup group) {
        KeyExchangeKeyPair client = generate(group);

        ServerKeyShare server = exchange(group).respond(client.publicShare(), RANDOM);

        assertThat(server.share()).hasSize(serverShareLength(group)).isNotEqualTo(client.publicShare());
        assertThat(client.sharedSecret(server.share())).isEqualTo(server.sharedSecret())
                .hasSize(secretLength(group));
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, mode = EnumSource.Mode.MATCH_NONE, names = ".*MLKEM.*")
    void twoDiffieHellmanKeyPairsAgreeOnASecretOfTheExpectedLength(NamedGroup group) {
        KeyExchangeKeyPair alice = generate(group);
        KeyExchangeKeyPair bob = generate(group);

        byte[] secret = alice.sharedSecret(bob.publicShare());

        assertThat(secret).isEqualTo(bob.sharedSecret(alice.publicShare())).hasSize(secretLength(group));
        assertThat(alice.publicShare()).isNotEqualTo(bob.publicShare());
    }

    @ParameterizedTest
    @EnumSource(NamedGroup.class)
    void generatedPublicSharesHaveTheExactLength(NamedGroup group) {
        int tries = group.isFiniteField() || group.isPostQuantum() ? 3 : 50;
        for (int i = 0; i < tries; i++) {
            assertThat(generate(group).publicShare()).hasSize(shareLength(group));
        }
    }

    @ParameterizedTest
    @EnumSource(NamedGroup.class)
    void fromPrivateKeyIsDeterministic(NamedGroup group) {
        byte[] privateKey = new byte[privateKeyLength(group)];
        Arrays.fill(privateKey, (byte) 0x3c);

        KeyExchangeKeyPair first = exchange(group).fromPrivateKey(privateKey);
        KeyExchangeKeyPair second = exchange(group).fromPrivateKey(privateKey.clone());
        ServerKeyShare peer = exchange(group).respond(first.publicShare(), RANDOM);

        assertThat(first.publicShare()).isEqualTo(second.publicShare()).hasSize(shareLength(group));
        assertThat(first.sharedSecret(peer.share())).isEqualTo(second.sharedSecret(peer.share()))
                .isEqualTo(peer.sharedSecret());
    }

    @Test
    void x25519Rfc7748Section61() {
        assertAliceAndBob(NamedGroup.X25519,
                "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
                "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
                "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
                "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
                "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    }

    @Test
    void x448Rfc7748Section62() {
        assertAliceAndBob(NamedGroup.X448, """
                9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28d
                d9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b""", """
                9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c
                22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0""", """
                1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d
                6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d""", """
                3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b430
                27d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609""", """
                07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282b
                b60c0b56fd2464c335543936521c24403085d59a449a5037514a879d""");
    }

    /** RFC 5903 §8.1 (the 256-bit random ECP group is secp256r1): the shared secret is girx. */
    @Test
    void secp256r1Rfc5903Section81() {
        assertAliceAndBob(NamedGroup.SECP256R1,
                "C88F01F5 10D9AC3F 70A292DA A2316DE5 44E9AAB8 AFE84049 C62A9C57 862D1433",
                """
                04 DAD0B653 94221CF9 B051E1FE CA5787D0 98DFE637 FC90B9EF 945D0C37 72581180
                   5271A046 1CDB8252 D61F1C45 6FA3E59A B1F45B33 ACCF5F58 389E0577 B8990BB3""",
                "C6EF9C5D 78AE012A 011164AC B397CE20 88685D8F 06BF9BE0 B283AB46 476BEE53",
                """
                04 D12DFB52 89C8D4F8 1208B702 70398C34 2296970A 0BCCB74C 736FC755 4494BF63
                   56FBF3CA 366CC23E 8157854C 13C58D6A AC23F046 ADA30F83 53E74F33 039872AB""",
                "D6840F6B 42F6EDAF D13116E0 E1256520 2FEF8E9E CE7DCE03 812464D0 4B9442DE");
    }

    @Test
    void x25519OfTheRfc8448Trace() {
        KeyExchangeKeyPair client = exchange(NamedGroup.X25519).fromPrivateKey(Rfc8448.get("client_x25519_private"));
        KeyExchangeKeyPair server = exchange(NamedGroup.X25519).fromPrivateKey(Rfc8448.get("server_x25519_private"));

        assertThat(client.sharedSecret(server.publicShare())).isEqualTo(Rfc8448.get("ecdhe_shared_secret"));
    }

    private static void assertAliceAndBob(NamedGroup group, String alicePrivate, String alicePublic,
            String bobPrivate, String bobPublic, String shared) {
        KeyExchangeKeyPair alice = exchange(group).fromPrivateKey(Hex.decode(alicePrivate));
        KeyExchangeKeyPair bob = exchange(group).fromPrivateKey(Hex.decode(bobPrivate));

        assertThat(alice.publicShare()).isEqualTo(Hex.decode(alicePublic));
        assertThat(bob.publicShare()).isEqualTo(Hex.decode(bobPublic));
        assertThat(alice.sharedSecret(bob.publicShare())).isEqualTo(Hex.decode(shared));
        assertThat(bob.sharedSecret(alice.publicShare())).isEqualTo(Hex.decode(shared));
    }

    @Test
    void ffdheFromPrivateKeyIsGToTheExponent() {
        KeyExchangeKeyPair two = exchange(NamedGroup.FFDHE2048).fromPrivateKey(new byte[] {2});
        KeyExchangeKeyPair three = exchange(NamedGroup.FFDHE2048).fromPrivateKey(new byte[] {3});

        assertThat(new BigInteger(1, two.publicShare())).isEqualTo(4);
        assertThat(new BigInteger(1, three.sharedSecret(two.publicShare()))).isEqualTo(64);
        assertThat(three.sharedSecret(two.publicShare())).hasSize(256);
    }

    @ParameterizedTest
    @EnumSource(NamedGroup.class)
    void sharesOfTheWrongLengthAreIllegalParameter(NamedGroup group) {
        KeyExchangeKeyPair pair = generate(group);
        byte[] clientShare = pair.publicShare();
        byte[] serverShare = exchange(group).respond(clientShare, RANDOM).share();

        for (byte[] wrong : wrongLengths(serverShare)) {
            assertThatThrownBy(() -> pair.sharedSecret(wrong)).as("server share of " + wrong.length + " bytes")
                    .isInstanceOf(IllegalParameter.class);
        }
        for (byte[] wrong : wrongLengths(clientShare)) {
            assertThatThrownBy(() -> exchange(group).respond(wrong, RANDOM))
                    .as("client share of " + wrong.length + " bytes").isInstanceOf(IllegalParameter.class);
        }
    }

    /** Empty, truncated by one byte and one byte too long. */
    private static byte[][] wrongLengths(byte[] share) {
        return new byte[][] {new byte[0], Arrays.copyOf(share, share.length - 1), Arrays.copyOf(share, share.length + 1)};
    }

    // --- NIST curves

    private static ECParameterSpec curve(NamedGroup group) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(group.ianaName()));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static BigInteger fieldPrime(ECParameterSpec curve) {
        return ((ECFieldFp) curve.getCurve().getField()).getP();
    }

    private static int fieldSize(NamedGroup group) {
        return (shareLength(group) - 1) / 2;
    }

    private static byte[] uncompressed(NamedGroup group, BigInteger x, BigInteger y) {
        int size = fieldSize(group);
        byte[] share = new byte[1 + 2 * size];
        share[0] = 4;
        System.arraycopy(fixed(x, size), 0, share, 1, size);
        System.arraycopy(fixed(y, size), 0, share, 1 + size, size);
        return share;
    }

    private static byte[] fixed(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > size ? bytes.length - size : 0;
        assertThat(bytes.length - start).isLessThanOrEqualTo(size);
        byte[] out = new byte[size];
        System.arraycopy(bytes, start, out, size - (bytes.length - start), bytes.length - start);
        return out;
    }

    /** The curve point with the smallest x, so that x + p still fits the encoding (p ≡ 3 mod 4 on all three). */
    private static BigInteger[] pointWithSmallX(ECParameterSpec curve) {
        BigInteger p = fieldPrime(curve);
        for (BigInteger x = BigInteger.ZERO; ; x = x.add(BigInteger.ONE)) {
            BigInteger rhs = x.pow(3).add(curve.getCurve().getA().multiply(x)).add(curve.getCurve().getB()).mod(p);
            BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
            if (y.multiply(y).mod(p).equals(rhs)) {
                return new BigInteger[] {x, y};
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"SECP256R1", "SECP384R1", "SECP521R1"})
    void pointOffTheCurveIsIllegalParameter(NamedGroup group) {
        byte[] share = generate(group).publicShare();
        byte[] offCurve = Hex.flipBit(share, (share.length - 1) * 8);

        assertThatThrownBy(() -> generate(group).sharedSecret(offCurve)).isInstanceOf(IllegalParameter.class);
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"SECP256R1", "SECP384R1", "SECP521R1"})
    void xCoordinateAtOrAbovePIsIllegalParameterEvenWhenItReducesToAPoint(NamedGroup group) throws Exception {
        ECParameterSpec curve = curve(group);
        BigInteger[] point = pointWithSmallX(curve);
        KeyExchangeKeyPair pair = generate(group);

        assertThatCode(() -> pair.sharedSecret(uncompressed(group, point[0], point[1]))).doesNotThrowAnyException();
        byte[] unreduced = uncompressed(group, point[0].add(fieldPrime(curve)), point[1]);
        assertThatThrownBy(() -> pair.sharedSecret(unreduced)).isInstanceOf(IllegalParameter.class);
    }

    /** Only secp521r1 leaves room for y + p in its 66-byte coordinates. */
    @Test
    void yCoordinateAbovePIsIllegalParameter() throws Exception {
        NamedGroup group = NamedGroup.SECP521R1;
        byte[] share = generate(group).publicShare();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(share, 1, 67));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(share, 67, 133));

        byte[] unreduced = uncompressed(group, x, y.add(fieldPrime(curve(group))));

        assertThatThrownBy(() -> generate(group).sharedSecret(unreduced)).isInstanceOf(IllegalParameter.class);
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"SECP256R1", "SECP384R1", "SECP521R1"})
    void compressedPointsAreIllegalParameter(NamedGroup group) {
        byte[] share = generate(group).publicShare();
        byte[] compressed = Arrays.copyOf(share, 1 + fieldSize(group));
        compressed[0] = 2;
        byte[] relabelled = share.clone();
        relabelled[0] = 2;
        KeyExchangeKeyPair pair = generate(group);

        assertThatThrownBy(() -> pair.sharedSecret(compressed)).isInstanceOf(IllegalParameter.class);
        assertThatThrownBy(() -> pair.sharedSecret(relabelled)).isInstanceOf(IllegalParameter.class);
        assertThatThrownBy(() -> pair.sharedSecret(new byte[] {0})).isInstanceOf(IllegalParameter.class);
    }

    // --- X25519, X448

    private static byte[] littleEndian(BigInteger value, int size) {
        byte[] bigEndian = fixed(value, size);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = bigEndian[size - 1 - i];
        }
        return out;
    }

    /** u = 0, 1 and p - 1 have order at most 4 on both curves (RFC 7748 §6): the result would be all zeros. */
    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = {"X25519", "X448"})
    void lowOrderPointsAreIllegalParameter(NamedGroup group) {
        int size = shareLength(group);
        BigInteger p = group == NamedGroup.X25519
                ? BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19))
                : BigInteger.TWO.pow(448).subtract(BigInteger.TWO.pow(224)).subtract(BigInteger.ONE);
        KeyExchangeKeyPair pair = generate(group);

        for (BigInteger u : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE)}) {
            assertThatThrownBy(() -> pair.sharedSecret(littleEndian(u, size))).as("u = " + u)
                    .isInstanceOf(IllegalParameter.class);
        }
    }

    // --- finite fields

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "p-1", "p"})
    void ffdheValuesOutsideOneToPMinusOneAreIllegalParameter(String value) {
        BigInteger p = DHStandardGroups.rfc7919_ffdhe2048.getP();
        BigInteger y = switch (value) {
            case "p-1" -> p.subtract(BigInteger.ONE);
            case "p" -> p;
            default -> new BigInteger(value);
        };
        KeyExchangeKeyPair pair = generate(NamedGroup.FFDHE2048);

        assertThatThrownBy(() -> pair.sharedSecret(fixed(y, 256))).isInstanceOf(IllegalParameter.class);
    }

    @Test
    void ffdheValuesJustInsideTheRangeAreAccepted() {
        BigInteger p = DHStandardGroups.rfc7919_ffdhe2048.getP();
        KeyExchangeKeyPair pair = generate(NamedGroup.FFDHE2048);

        assertThat(pair.sharedSecret(fixed(BigInteger.TWO, 256))).hasSize(256);
        assertThat(pair.sharedSecret(fixed(p.subtract(BigInteger.TWO), 256))).hasSize(256);
    }
}
