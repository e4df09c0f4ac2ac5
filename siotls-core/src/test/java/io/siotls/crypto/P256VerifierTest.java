package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.raw.Nat256;
import org.junit.jupiter.api.Test;

/**
 * secp256r1 verification on mutable points, judged against BouncyCastle's {@code ECDSASigner}
 * on the same inputs: valid signatures, altered ones, and the keys whose multiples meet the
 * running sum (Q = ±G, ±2G), where the addition must turn into a doubling or give the point at
 * infinity.
 */
class P256VerifierTest {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger N = CURVE.getN();

    /** A deterministic signature: k and d from the test's own random, (r, s) computed on BouncyCastle's points. */
    private record Signed(BigInteger d, byte[] digest, BigInteger r, BigInteger s) {
    }

    private static Signed sign(BigInteger d, byte[] digest, Random random) {
        while (true) {
            BigInteger k = new BigInteger(256, random).mod(N);
            if (k.signum() == 0) {
                continue;
            }
            BigInteger r = CURVE.getG().multiply(k).normalize().getAffineXCoord().toBigInteger().mod(N);
            BigInteger s = k.modInverse(N).multiply(new BigInteger(1, digest).add(r.multiply(d))).mod(N);
            if (r.signum() != 0 && s.signum() != 0) {
                return new Signed(d, digest, r, s);
            }
        }
    }

    private static boolean bouncyCastle(ECPoint q, byte[] digest, BigInteger r, BigInteger s) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return signer.verifySignature(digest, r, s);
    }

    private static boolean ours(ECPoint q, byte[] digest, BigInteger r, BigInteger s) {
        return P256Verifier.verify(P256Verifier.publicKey(new ECPublicKeyParameters(q, DOMAIN)), digest, r, s);
    }

    private static byte[] digest(Random random) throws Exception {
        byte[] message = new byte[random.nextInt(64)];
        random.nextBytes(message);
        return MessageDigest.getInstance("SHA-256").digest(message);
    }

    @Test
    void validSignaturesVerifyAndAlteredOnesDoNotAsWithBouncyCastle() throws Exception {
        Random random = new Random(0x256);
        int valid = 0;
        for (int i = 0; i < 300; i++) {
            BigInteger d = new BigInteger(256, random).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            ECPoint q = CURVE.getG().multiply(d).normalize();
            Signed signed = sign(d, digest(random), random);
            BigInteger[][] candidates = {
                {signed.r(), signed.s()},
                {signed.r(), N.subtract(signed.s())},
                {signed.r().add(BigInteger.ONE).mod(N), signed.s()},
                {signed.r(), signed.s().add(BigInteger.ONE).mod(N)},
            };
            for (BigInteger[] rs : candidates) {
                boolean expected = bouncyCastle(q, signed.digest(), rs[0], rs[1]);
                assertThat(ours(q, signed.digest(), rs[0], rs[1])).as("signature %d, (r, s) = %s", i, rs[0] + ", " + rs[1])
                        .isEqualTo(expected);
                valid += expected ? 1 : 0;
            }
            byte[] otherDigest = signed.digest().clone();
            otherDigest[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            assertThat(ours(q, otherDigest, signed.r(), signed.s())).as("another message").isFalse();
        }
        assertThat(valid).as("(r, s) and (r, n − s) are both valid, the altered ones not").isEqualTo(600);
    }

    @Test
    void keysWhoseMultiplesMeetTheRunningSumAgreeWithBouncyCastle() throws Exception {
        Random random = new Random(0x6);
        BigInteger[] edgeKeys = {BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO),
            BigInteger.valueOf(15), N.subtract(BigInteger.valueOf(15))};
        for (BigInteger d : edgeKeys) {
            ECPoint q = CURVE.getG().multiply(d).normalize();
            for (int i = 0; i < 120; i++) {
                Signed signed = sign(d, digest(random), random);
                assertThat(ours(q, signed.digest(), signed.r(), signed.s())).as("d = %s, signature %d", d, i).isTrue();
                BigInteger wrongS = signed.s().add(BigInteger.valueOf(i + 1)).mod(N);
                if (wrongS.signum() != 0) {
                    assertThat(ours(q, signed.digest(), signed.r(), wrongS))
                            .isEqualTo(bouncyCastle(q, signed.digest(), signed.r(), wrongS));
                }
            }
        }
    }

    /** e ≡ 0 (mod n): u1 = 0, only u2·Q counts; and a digest equal to n itself reduces to it. */
    @Test
    void aDigestOfZeroOrOfTheOrderAgreesWithBouncyCastle() {
        Random random = new Random(0);
        BigInteger d = new BigInteger(255, random).add(BigInteger.ONE);
        ECPoint q = CURVE.getG().multiply(d).normalize();
        for (byte[] digest : new byte[][] {new byte[32], unsigned32(N)}) {
            Signed signed = sign(d, digest, random);
            assertThat(ours(q, digest, signed.r(), signed.s())).isTrue();
            assertThat(bouncyCastle(q, digest, signed.r(), signed.s())).isTrue();
        }
    }

    @Test
    void rOrSOutsideOneToNMinusOneIsRefusedBeforeAnyArithmetic() {
        Random random = new Random(1);
        BigInteger d = BigInteger.valueOf(12345);
        ECPoint q = CURVE.getG().multiply(d).normalize();
        Signed signed = sign(d, new byte[32], random);
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, N, N.add(BigInteger.ONE), BigInteger.ONE.negate()}) {
            assertThat(ours(q, signed.digest(), bad, signed.s())).as("r = %s", bad).isFalse();
            assertThat(ours(q, signed.digest(), signed.r(), bad)).as("s = %s", bad).isFalse();
        }
    }

    /** A running sum is compared by its x coordinate, X = x·Z², without the inversion; infinity never matches. */
    @Test
    void theAffineXIsComparedWithoutAnInversion() {
        P256Points arithmetic = new P256Points();
        ECPoint g = CURVE.getG().normalize();
        int[] gx = Nat256.fromBigInteger(g.getAffineXCoord().toBigInteger());
        int[] gy = Nat256.fromBigInteger(g.getAffineYCoord().toBigInteger());
        P256Points.Jacobian point = new P256Points.Jacobian();
        point.setAffine(gx, gy);
        arithmetic.twice(point);
        arithmetic.addAffine(point, gx, gy);
        int[] threeGx = Nat256.fromBigInteger(g.multiply(BigInteger.valueOf(3)).normalize().getAffineXCoord().toBigInteger());

        assertThat(point.isInfinity()).isFalse();
        assertThat(arithmetic.hasAffineX(point, threeGx)).isTrue();
        assertThat(arithmetic.hasAffineX(point, gx)).isFalse();
        point.setInfinity();
        assertThat(arithmetic.hasAffineX(point, threeGx)).isFalse();
    }

    /** The cases madd-2007-bl leaves out: adding to infinity, adding the point itself, adding its opposite. */
    @Test
    void theAdditionCoversInfinityTheSamePointAndItsOpposite() {
        P256Points arithmetic = new P256Points();
        ECPoint g = CURVE.getG().normalize();
        ECPoint threeG = g.multiply(BigInteger.valueOf(3)).normalize();
        int[] x = Nat256.fromBigInteger(threeG.getAffineXCoord().toBigInteger());
        int[] y = Nat256.fromBigInteger(threeG.getAffineYCoord().toBigInteger());
        int[] minusY = Nat256.fromBigInteger(threeG.negate().normalize().getAffineYCoord().toBigInteger());
        int[] sixGx = Nat256.fromBigInteger(g.multiply(BigInteger.valueOf(6)).normalize().getAffineXCoord().toBigInteger());

        P256Points.Jacobian sum = new P256Points.Jacobian();
        arithmetic.addAffine(sum, x, y);
        assertThat(arithmetic.hasAffineX(sum, x)).as("∞ + 3G = 3G").isTrue();
        arithmetic.twice(sum);
        arithmetic.addAffine(sum, x, minusY);
        assertThat(arithmetic.hasAffineX(sum, x)).as("6G − 3G = 3G, Z ≠ 1").isTrue();
        arithmetic.addAffine(sum, x, y);
        assertThat(arithmetic.hasAffineX(sum, sixGx)).as("3G + 3G, the same point: a doubling").isTrue();
        sum.setAffine(x, y);
        arithmetic.twice(sum);
        arithmetic.addAffine(sum, x, minusY);
        arithmetic.addAffine(sum, x, minusY);
        assertThat(sum.isInfinity()).as("3G − 3G, Z ≠ 1").isTrue();
        arithmetic.twice(sum);
        assertThat(sum.isInfinity()).as("2·∞").isTrue();
    }

    @Test
    void aCombMultipliesAsBouncyCastleDoes() {
        Random random = new Random(7);
        ECPoint q = CURVE.getG().multiply(new BigInteger("1234567890123456789")).normalize();
        P256Comb comb = P256Comb.of(Nat256.fromBigInteger(q.getAffineXCoord().toBigInteger()),
                Nat256.fromBigInteger(q.getAffineYCoord().toBigInteger()));
        BigInteger[] scalars = {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(63), N.subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(255), new BigInteger(256, random).mod(N), new BigInteger(256, random).mod(N)};
        P256Points arithmetic = new P256Points();
        for (BigInteger k : scalars) {
            int[] scalar = Nat256.fromBigInteger(k);
            P256Points.Jacobian sum = new P256Points.Jacobian();
            for (int column = P256Comb.SPACING - 1; column >= 0; column--) {
                arithmetic.twice(sum);
                comb.addColumn(arithmetic, sum, scalar, column);
            }
            ECPoint expected = q.multiply(k).normalize();
            int[][][] affine = arithmetic.normalise(new P256Points.Jacobian[] {sum});
            assertThat(Nat256.toBigInteger(affine[0][0])).as("x of %s·Q", k).isEqualTo(expected.getAffineXCoord().toBigInteger());
            assertThat(Nat256.toBigInteger(affine[0][1])).as("y of %s·Q", k).isEqualTo(expected.getAffineYCoord().toBigInteger());
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, value);
    }
}
