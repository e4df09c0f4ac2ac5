package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/**
 * secp256r1 signing on mutable points, judged against BouncyCastle: k·G for chosen k (zero
 * columns, single bits, n − 1) and random ones, and whole signatures, byte for byte the same as
 * {@code ECDSASigner}'s when both draw the same nonce.
 */
class P256SignerTest {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();

    /** The same stream of bytes for every instance made with one seed. */
    private static final class SeededRandom extends SecureRandom {
        private final Random random;

        SeededRandom(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }
    }

    @Test
    void theGeneratorTimesKIsBouncyCastles() {
        Random random = new Random(0x5163);
        BigInteger[] chosen = {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(63),
            BigInteger.valueOf(64), N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255),
            BigInteger.ONE.shiftLeft(P256Comb.SPACING), BigInteger.ONE.shiftLeft(P256Comb.SPACING * 5 + 40)};
        P256Signer.Walk walk = new P256Signer.Walk();
        for (int i = 0; i < chosen.length + 200; i++) {
            BigInteger k = i < chosen.length ? chosen[i] : new BigInteger(256, random).mod(N);
            walk.multiplyGenerator(Nat256.fromBigInteger(k));
            assertThat(Nat256.toBigInteger(walk.affineX())).as(k + "·G")
                    .isEqualTo(CURVE.getG().multiply(k).normalize().getAffineXCoord().toBigInteger());
        }
    }

    @Test
    void signaturesAreBouncyCastlesForTheSameNonceAndVerify() throws Exception {
        Random random = new Random(0xEC);
        for (int i = 0; i < 200; i++) {
            BigInteger d = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] message = new byte[random.nextInt(100)];
            random.nextBytes(message);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);

            BigInteger[] ours = P256Signer.sign(d, digest, new SeededRandom(i));
            ECDSASigner signer = new ECDSASigner();
            signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(d, DOMAIN), new SeededRandom(i)));
            BigInteger[] theirs = signer.generateSignature(digest);

            assertThat(ours).as("signature %d", i).containsExactly(theirs);
            ECDSASigner verifier = new ECDSASigner();
            ECPublicKeyParameters publicKey = new ECPublicKeyParameters(CURVE.getG().multiply(d).normalize(), DOMAIN);
            verifier.init(false, publicKey);
            assertThat(verifier.verifySignature(digest, ours[0], ours[1])).isTrue();
            assertThat(P256Verifier.verify(P256Verifier.publicKey(publicKey), digest, ours[0], ours[1])).isTrue();
        }
    }
}
