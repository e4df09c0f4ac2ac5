package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.NamedGroup;
import io.siotls.testing.Hex;
import org.bouncycastle.crypto.digests.SHAKEDigest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ML-KEM-768 against the accumulated vectors of the final FIPS 203 that Go's crypto/mlkem
 * publishes (TestAccumulated, after C2SP CCTV's format): key pairs from seeds d ‖ z drawn from a
 * SHAKE-128 stream, an encapsulation with message m to each (the server's answer in TLS), its
 * decapsulation (the client's), and the implicit rejection of a random ciphertext (FIPS 203
 * §6.3), every output absorbed into a second SHAKE-128 whose digest is compared with the
 * published one. The engine's own code runs every step: fromPrivateKey, respond (with its
 * FIPS 203 §7.2 input checks) and sharedSecret. Key pairs from seeds are BouncyCastle's; the
 * encapsulation is the running backend's, so that on JDK 24 and later the JDK's ML-KEM is
 * checked against the same digest.
 */
class MlKemKnownAnswerTest {

    private static final CryptoProvider CRYPTO = CryptoProvider.getDefault();

    @ParameterizedTest
    @CsvSource({
        "100, 1114b1b6699ed191734fa339376afa7e285c9e6acf6ff0177d346696ce564415",
        "10000, 8a518cc63da366322a8e7a818c7a0d63483cb3528d34a4cf42f35d5ad73f22fc"})
    void accumulatedVectorsHashToThePublishedDigest(int iterations, String expected) {
        KeyExchange exchange = CRYPTO.keyExchange(NamedGroup.MLKEM768);
        SHAKEDigest rng = new SHAKEDigest(128);
        SHAKEDigest accumulator = new SHAKEDigest(128);
        for (int i = 0; i < iterations; i++) {
            KeyExchangeKeyPair client = exchange.fromPrivateKey(squeeze(rng, 64));
            absorb(accumulator, client.publicShare());

            ServerKeyShare server = exchange.respond(client.publicShare(), new QueuedRandom(squeeze(rng, 32)));
            absorb(accumulator, server.share());
            absorb(accumulator, server.sharedSecret());
            assertThat(client.sharedSecret(server.share())).isEqualTo(server.sharedSecret());

            absorb(accumulator, client.sharedSecret(squeeze(rng, 1088)));
        }
        byte[] digest = new byte[32];
        accumulator.doFinal(digest, 0, digest.length);

        assertThat(Hex.encode(digest)).isEqualTo(expected);
    }

    private static byte[] squeeze(SHAKEDigest xof, int length) {
        byte[] out = new byte[length];
        xof.doOutput(out, 0, length);
        return out;
    }

    private static void absorb(SHAKEDigest xof, byte[] bytes) {
        xof.update(bytes, 0, bytes.length);
    }
}
