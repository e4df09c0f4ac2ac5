package io.siotls.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA signing over secp256r1 (SEC 1 §4.1.3) with a random nonce k, as BouncyCastle's
 * {@code ECDSASigner} signs (the same signature for the same nonce), on mutable points: a few KB
 * per signature where BouncyCastle's immutable points took about 57 KB.
 *
 * <p>k·G walks the generator's comb ({@link P256Comb}) in a pattern that does not depend on k:
 * every column doubles and adds a table entry; every entry is read whatever the digit, and a zero
 * digit adds a stand-in entry whose sum is then discarded by a masked choice, not a branch. The
 * walk starts from G rather than from the point at infinity, and 2^{@value P256Comb#SPACING}·G is
 * taken off at the end, so that the running sum never is the point at infinity and, but with
 * negligible probability, never equals the entry added or its opposite: the cases where the
 * addition of {@link P256Points} would branch. r comes from X/Z² by BouncyCastle's constant-time
 * inversion, s as {@code ECDSASigner} computes it, k⁻¹ by its constant-time inversion; the
 * nonce's words and the points derived from it are zeroed once used. Field operations are
 * BouncyCastle's, whose reductions branch on a carry as they do in its own signer.
 */
final class P256Signer {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final BigInteger N = CURVE.getN();
    /** The generator's comb entries; entry 1, {@code [0]}, is G itself, where the walk starts. */
    private static final int[][][] G_TABLE = P256Comb.GENERATOR.affineEntries();
    /** −2^SPACING·G: what the walk's starting point G has become by its end, taken off. */
    private static final int[][] CORRECTION = P256Points.coordinates(
            CURVE.getG().multiply(BigInteger.ONE.shiftLeft(P256Comb.SPACING)).negate());

    private P256Signer() {
    }

    /**
     * The signature (r, s) of the 32-byte {@code digest} (SHA-256: e is the digest itself, SEC 1
     * §4.1.3 step 5) by the private scalar {@code d}, in [1, n − 1].
     */
    static BigInteger[] sign(BigInteger d, byte[] digest, SecureRandom random) {
        BigInteger e = new BigInteger(1, digest);
        Walk walk = new Walk();
        try {
            while (true) {
                BigInteger k = nonce(random);
                int[] scalar = Nat256.fromBigInteger(k);
                walk.multiplyGenerator(scalar);
                Arrays.fill(scalar, 0);
                BigInteger r = Nat256.toBigInteger(walk.affineX()).mod(N);
                if (r.signum() == 0) {
                    continue;
                }
                BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
                if (s.signum() != 0) {
                    return new BigInteger[] {r, s};
                }
            }
        } finally {
            walk.wipe();
        }
    }

    /** A nonce uniform in [1, n − 1], as BouncyCastle's {@code RandomDSAKCalculator} draws one. */
    private static BigInteger nonce(SecureRandom random) {
        while (true) {
            BigInteger k = BigIntegers.createRandomBigInteger(N.bitLength(), random);
            if (k.signum() > 0 && k.compareTo(N) < 0) {
                return k;
            }
        }
    }

    /** The state of one k·G: the running sum, the trial sum, the entry looked up. Not thread safe. */
    static final class Walk {
        private final P256Points arithmetic = new P256Points();
        private final P256Points.Jacobian sum = new P256Points.Jacobian();
        private final P256Points.Jacobian trial = new P256Points.Jacobian();
        private final int[] entryX = Nat256.create();
        private final int[] entryY = Nat256.create();
        private final int[] x = Nat256.create();

        /** sum ← k·G, the same operations in the same order for every k. */
        void multiplyGenerator(int[] scalar) {
            sum.setAffine(G_TABLE[0][0], G_TABLE[0][1]);
            for (int column = P256Comb.SPACING - 1; column >= 0; column--) {
                arithmetic.twice(sum);
                int index = P256Comb.entry(scalar, column);
                select(index | ((index - 1) >>> 31));
                trial.set(sum);
                arithmetic.addAffine(trial, entryX, entryY);
                keepTrialIf(-index >> 31);
            }
            arithmetic.addAffine(sum, CORRECTION[0], CORRECTION[1]);
        }

        /** The affine x coordinate of the sum, X/Z², by a constant-time inversion. */
        int[] affineX() {
            arithmetic.affineX(sum, x);
            return x;
        }

        /** entry ← table entry {@code index} (1 to 63), every entry read and masked in. */
        private void select(int index) {
            Arrays.fill(entryX, 0);
            Arrays.fill(entryY, 0);
            for (int i = 0; i < G_TABLE.length; i++) {
                int mask = ((i + 1 ^ index) - 1) >> 31;
                int[] candidateX = G_TABLE[i][0];
                int[] candidateY = G_TABLE[i][1];
                for (int w = 0; w < P256Points.WORDS; w++) {
                    entryX[w] |= candidateX[w] & mask;
                    entryY[w] |= candidateY[w] & mask;
                }
            }
        }

        /** sum ← trial where {@code mask} is all ones, sum kept where it is zero. */
        private void keepTrialIf(int mask) {
            for (int w = 0; w < P256Points.WORDS; w++) {
                sum.x[w] ^= (sum.x[w] ^ trial.x[w]) & mask;
                sum.y[w] ^= (sum.y[w] ^ trial.y[w]) & mask;
                sum.z[w] ^= (sum.z[w] ^ trial.z[w]) & mask;
            }
        }

        /** Zeroes every value derived from the nonce. */
        void wipe() {
            for (int[] words : new int[][] {sum.x, sum.y, sum.z, trial.x, trial.y, trial.z, entryX, entryY, x}) {
                Arrays.fill(words, 0);
            }
            arithmetic.wipe();
        }
    }
}
