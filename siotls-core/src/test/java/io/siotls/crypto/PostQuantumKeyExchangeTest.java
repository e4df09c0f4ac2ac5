package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.NamedGroup;
import io.siotls.testing.Hex;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ML-KEM (draft-ietf-tls-mlkem) and the ECDHE-MLKEM hybrids (draft-ietf-tls-ecdhe-mlkem §3):
 * the layout of each share and the order of the concatenated secret, with the classic half
 * checked against its published vectors (RFC 7748 §6.1, RFC 5903 §8.1) and the ML-KEM half
 * against the engine's ML-KEM alone (whose known answers MlKemKnownAnswerTest checks); then the
 * inputs FIPS 203 §7.2 and §7.3 and the classic groups refuse, each an illegal_parameter.
 */
class PostQuantumKeyExchangeTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final byte[] SEED = Hex.decode(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
                    + "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
    private static final byte[] MESSAGE = Hex.decode(
            "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f");

    private static KeyExchange exchange(NamedGroup group) {
        return CRYPTO.keyExchange(group);
    }

    private static byte[] concat(byte[]... parts) {
        return org.bouncycastle.util.Arrays.concatenate(parts);
    }

    @Test
    void x25519Mlkem768PutsMlKemFirstInBothSharesAndInTheSecret() {
        byte[] alicePrivate = Hex.decode("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] alicePublic = Hex.decode("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        byte[] bobPrivate = Hex.decode("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] bobPublic = Hex.decode("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] x25519Secret = Hex.decode("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        KeyExchangeKeyPair mlKemClient = exchange(NamedGroup.MLKEM768).fromPrivateKey(SEED);
        ServerKeyShare mlKemServer = exchange(NamedGroup.MLKEM768)
                .respond(mlKemClient.publicShare(), new QueuedRandom(MESSAGE));

        KeyExchangeKeyPair client = exchange(NamedGroup.X25519MLKEM768).fromPrivateKey(concat(SEED, alicePrivate));
        QueuedRandom serverRandom = new QueuedRandom(MESSAGE, bobPrivate);
        ServerKeyShare server = exchange(NamedGroup.X25519MLKEM768).respond(client.publicShare(), serverRandom);

        assertThat(client.publicShare()).isEqualTo(concat(mlKemClient.publicShare(), alicePublic)).hasSize(1216);
        assertThat(server.share()).isEqualTo(concat(mlKemServer.share(), bobPublic)).hasSize(1120);
        assertThat(server.sharedSecret()).isEqualTo(concat(mlKemServer.sharedSecret(), x25519Secret));
        assertThat(client.sharedSecret(server.share())).isEqualTo(server.sharedSecret());
        assertThat(serverRandom.isUsedUp()).isTrue();
    }

    @Test
    void secP256r1Mlkem768PutsEcdheFirstInBothSharesAndInTheSecret() {
        byte[] scalar = Hex.decode("C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433");
        byte[] point = Hex.decode("04DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180"
                + "5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3");
        KeyExchangeKeyPair ecdh = exchange(NamedGroup.SECP256R1).fromPrivateKey(scalar);
        KeyExchangeKeyPair mlKem = exchange(NamedGroup.MLKEM768).fromPrivateKey(SEED);

        KeyExchangeKeyPair client = exchange(NamedGroup.SECP256R1MLKEM768).fromPrivateKey(concat(scalar, SEED));
        ServerKeyShare server = exchange(NamedGroup.SECP256R1MLKEM768).respond(client.publicShare(), RANDOM);

        assertThat(client.publicShare()).isEqualTo(concat(point, mlKem.publicShare())).hasSize(65 + 1184);
        assertThat(server.share()).hasSize(65 + 1088);
        byte[] serverPoint = Arrays.copyOfRange(server.share(), 0, 65);
        byte[] ciphertext = Arrays.copyOfRange(server.share(), 65, server.share().length);
        assertThat(server.sharedSecret())
                .isEqualTo(concat(ecdh.sharedSecret(serverPoint), mlKem.sharedSecret(ciphertext)));
        assertThat(client.sharedSecret(server.share())).isEqualTo(server.sharedSecret());
    }

    @Test
    void secP384r1Mlkem1024PutsEcdheFirstInBothSharesAndInTheSecret() {
        byte[] scalar = new byte[48];
        Arrays.fill(scalar, (byte) 0x5a);
        KeyExchangeKeyPair ecdh = exchange(NamedGroup.SECP384R1).fromPrivateKey(scalar);
        KeyExchangeKeyPair mlKem = exchange(NamedGroup.MLKEM1024).fromPrivateKey(SEED);

        KeyExchangeKeyPair client = exchange(NamedGroup.SECP384R1MLKEM1024).fromPrivateKey(concat(scalar, SEED));
        ServerKeyShare server = exchange(NamedGroup.SECP384R1MLKEM1024).respond(client.publicShare(), RANDOM);

        assertThat(client.publicShare()).isEqualTo(concat(ecdh.publicShare(), mlKem.publicShare()))
                .hasSize(97 + 1568);
        byte[] serverPoint = Arrays.copyOfRange(server.share(), 0, 97);
        byte[] ciphertext = Arrays.copyOfRange(server.share(), 97, server.share().length);
        assertThat(server.sharedSecret())
                .isEqualTo(concat(ecdh.sharedSecret(serverPoint), mlKem.sharedSecret(ciphertext))).hasSize(48 + 32);
    }

    // --- FIPS 203 §7.2: the modulus check of the encapsulation key

    /** Where the ML-KEM encapsulation key starts in the client's share. */
    private static int mlKemOffset(NamedGroup group) {
        return switch (group) {
            case SECP256R1MLKEM768 -> 65;
            case SECP384R1MLKEM1024 -> 97;
            default -> 0;
        };
    }

    /** The client's share with the 12-bit coefficient {@code index} of t̂ set to {@code value}. */
    private static byte[] withCoefficient(NamedGroup group, int index, int value) {
        byte[] share = exchange(group).generate(RANDOM).publicShare();
        int at = mlKemOffset(group) + index / 2 * 3;
        if (index % 2 == 0) {
            share[at] = (byte) value;
            share[at + 1] = (byte) ((share[at + 1] & 0xf0) | (value >>> 8));
        } else {
            share[at + 1] = (byte) ((share[at + 1] & 0x0f) | (value & 0x0f) << 4);
            share[at + 2] = (byte) (value >>> 4);
        }
        return share;
    }

    private static int coefficients(NamedGroup group) {
        return switch (group) {
            case MLKEM512 -> 512;
            case MLKEM1024, SECP384R1MLKEM1024 -> 1024;
            default -> 768;
        };
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = ".*MLKEM.*", mode = EnumSource.Mode.MATCH_ANY)
    void anEncapsulationKeyFailingTheModulusCheckIsIllegalParameter(NamedGroup group) {
        int last = coefficients(group) - 1;
        for (int[] coefficient : new int[][] {{0, 3329}, {1, 4095}, {last, 3329}, {last / 2, 0xfff}}) {
            byte[] share = withCoefficient(group, coefficient[0], coefficient[1]);
            assertThatThrownBy(() -> exchange(group).respond(share, RANDOM))
                    .as("coefficient %d = %d", coefficient[0], coefficient[1])
                    .isInstanceOf(IllegalParameter.class).hasMessageContaining("modulus check");
        }
    }

    @ParameterizedTest
    @EnumSource(value = NamedGroup.class, names = ".*MLKEM.*", mode = EnumSource.Mode.MATCH_ANY)
    void coefficientsJustBelowQPassTheModulusCheck(NamedGroup group) {
        byte[] share = withCoefficient(group, 0, 3328);
        assertThat(exchange(group).respond(share, RANDOM).sharedSecret()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"MLKEM512, 800, 768", "MLKEM768, 1184, 1088", "MLKEM1024, 1568, 1568"})
    void pureMlKemSharesHaveTheExactLengthsOfFips203(NamedGroup group, int encapsulationKey, int ciphertext) {
        KeyExchangeKeyPair client = exchange(group).generate(RANDOM);
        ServerKeyShare server = exchange(group).respond(client.publicShare(), RANDOM);

        assertThat(client.publicShare()).hasSize(encapsulationKey);
        assertThat(server.share()).hasSize(ciphertext);
        assertThat(client.sharedSecret(server.share())).isEqualTo(server.sharedSecret()).hasSize(32);
        for (int wrong : new int[] {0, ciphertext - 1, ciphertext + 1}) {
            assertThatThrownBy(() -> client.sharedSecret(new byte[wrong])).as("ciphertext of %d bytes", wrong)
                    .isInstanceOf(IllegalParameter.class).hasMessageContaining("ciphertext must be " + ciphertext);
        }
    }

    @Test
    void aTamperedCiphertextIsImplicitlyRejectedWithAnotherSecretNotAnAlert() {
        KeyExchangeKeyPair client = exchange(NamedGroup.MLKEM768).generate(RANDOM);
        ServerKeyShare server = exchange(NamedGroup.MLKEM768).respond(client.publicShare(), RANDOM);

        byte[] tampered = Hex.flipBit(server.share(), 100);

        assertThat(client.sharedSecret(tampered)).hasSize(32).isNotEqualTo(server.sharedSecret());
    }

    // --- the classic half of a hybrid

    @Test
    void aHybridShareWhoseX25519HalfIsALowOrderPointIsIllegalParameter() {
        KeyExchange hybrid = exchange(NamedGroup.X25519MLKEM768);
        KeyExchangeKeyPair client = hybrid.generate(RANDOM);
        byte[] clientShare = client.publicShare();
        Arrays.fill(clientShare, 1184, 1216, (byte) 0);
        assertThatThrownBy(() -> hybrid.respond(clientShare, RANDOM)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("all zeros");

        byte[] serverShare = hybrid.respond(client.publicShare(), RANDOM).share();
        Arrays.fill(serverShare, 1088, 1120, (byte) 0);
        assertThatThrownBy(() -> client.sharedSecret(serverShare)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("all zeros");
    }

    @ParameterizedTest
    @CsvSource({"SECP256R1MLKEM768, 65", "SECP384R1MLKEM1024, 97"})
    void aHybridShareWhoseEcdheHalfIsNotOnTheCurveIsIllegalParameter(NamedGroup group, int pointLength) {
        KeyExchange hybrid = exchange(group);
        KeyExchangeKeyPair client = hybrid.generate(RANDOM);
        byte[] clientShare = client.publicShare();
        clientShare[pointLength - 1] ^= 1;
        assertThatThrownBy(() -> hybrid.respond(clientShare, RANDOM)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("not a point on the curve");

        byte[] serverShare = hybrid.respond(client.publicShare(), RANDOM).share();
        serverShare[0] = 2;
        assertThatThrownBy(() -> client.sharedSecret(serverShare)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("uncompressed point");
    }

    @Test
    void aHybridShareOfTheLengthOfAnotherHybridIsIllegalParameter() {
        byte[] p256Share = exchange(NamedGroup.SECP256R1MLKEM768).generate(RANDOM).publicShare();
        assertThatThrownBy(() -> exchange(NamedGroup.X25519MLKEM768).respond(p256Share, RANDOM))
                .isInstanceOf(IllegalParameter.class).hasMessageContaining("must be 1216 bytes, got 1249");
    }
}
