package io.siotls.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * Point arithmetic on secp256r1 (SEC 2 §2.4.2, a = −3) in Jacobian coordinates, each coordinate a
 * mutable 8-word little-endian array in BouncyCastle's fixed-curve field representation
 * ({@link SecP256R1Field}, whose results are fully reduced modulo p), so that a chain of
 * additions and doublings allocates nothing; BouncyCastle's own points are immutable and cost a
 * few hundred bytes per step. The doubling has no branch; the addition branches on the point at
 * infinity and on equal or opposite points, which {@link P256Signer}'s walk avoids but with
 * negligible probability. One instance holds the scratch space of one computation and is not
 * thread safe.
 */
final class P256Points {

    /** The number of 32-bit words of a field element or scalar. */
    static final int WORDS = 8;

    private final int[] t0 = Nat256.create();
    private final int[] t1 = Nat256.create();
    private final int[] t2 = Nat256.create();
    private final int[] t3 = Nat256.create();
    private final int[] t4 = Nat256.create();
    private final int[] t5 = Nat256.create();
    private final int[] t6 = Nat256.create();
    private final int[] wide = new int[2 * WORDS];

    /** A point (X : Y : Z) standing for (X/Z², Y/Z³); Z = 0 is the point at infinity. */
    static final class Jacobian {
        final int[] x = Nat256.create();
        final int[] y = Nat256.create();
        final int[] z = Nat256.create();

        boolean isInfinity() {
            return Nat256.isZero(z);
        }

        void setInfinity() {
            for (int i = 0; i < WORDS; i++) {
                z[i] = 0;
            }
        }

        void set(Jacobian other) {
            Nat256.copy(other.x, x);
            Nat256.copy(other.y, y);
            Nat256.copy(other.z, z);
        }

        void setAffine(int[] affineX, int[] affineY) {
            Nat256.copy(affineX, x);
            Nat256.copy(affineY, y);
            for (int i = 0; i < WORDS; i++) {
                z[i] = 0;
            }
            z[0] = 1;
        }
    }

    /** P ← 2P, "dbl-2001-b" of the Explicit-Formulas Database (a = −3): 3M + 5S. */
    void twice(Jacobian p) {
        square(p.z, t0);                 // delta = Z1²
        square(p.y, t1);                 // gamma = Y1²
        multiply(p.x, t1, t2);           // beta = X1·gamma
        SecP256R1Field.subtract(p.x, t0, t3);
        SecP256R1Field.add(p.x, t0, t4);
        multiply(t3, t4, t3);
        SecP256R1Field.twice(t3, t4);
        SecP256R1Field.add(t3, t4, t3);  // alpha = 3·(X1 − delta)·(X1 + delta)
        SecP256R1Field.add(p.y, p.z, t4);
        square(t4, t4);
        SecP256R1Field.subtract(t4, t1, t4);
        SecP256R1Field.subtract(t4, t0, p.z); // Z3 = (Y1 + Z1)² − gamma − delta
        SecP256R1Field.twice(t2, t2);
        SecP256R1Field.twice(t2, t2);    // 4·beta
        SecP256R1Field.twice(t2, t5);    // 8·beta
        square(t3, p.x);
        SecP256R1Field.subtract(p.x, t5, p.x); // X3 = alpha² − 8·beta
        SecP256R1Field.subtract(t2, p.x, t2);
        multiply(t3, t2, t2);            // alpha·(4·beta − X3)
        square(t1, t1);
        SecP256R1Field.twice(t1, t1);
        SecP256R1Field.twice(t1, t1);
        SecP256R1Field.twice(t1, t1);    // 8·gamma²
        SecP256R1Field.subtract(t2, t1, p.y);
    }

    /**
     * P ← P + (x, y) for an affine point, "madd-2007-bl" (7M + 4S), with the cases the formula
     * does not cover: P at infinity, P equal to the point (a doubling) or to its negation (the
     * point at infinity).
     */
    void addAffine(Jacobian p, int[] x, int[] y) {
        if (p.isInfinity()) {
            p.setAffine(x, y);
            return;
        }
        square(p.z, t0);                 // Z1Z1
        multiply(x, t0, t1);             // U2 = X2·Z1Z1
        multiply(p.z, t0, t2);
        multiply(y, t2, t2);             // S2 = Y2·Z1·Z1Z1
        SecP256R1Field.subtract(t1, p.x, t1); // H = U2 − X1
        SecP256R1Field.subtract(t2, p.y, t2); // S2 − Y1
        if (Nat256.isZero(t1)) {
            if (Nat256.isZero(t2)) {
                twice(p);
            } else {
                p.setInfinity();
            }
            return;
        }
        square(t1, t3);                  // HH = H²
        SecP256R1Field.twice(t3, t4);
        SecP256R1Field.twice(t4, t4);    // I = 4·HH
        multiply(t1, t4, t5);            // J = H·I
        SecP256R1Field.twice(t2, t2);    // r = 2·(S2 − Y1)
        multiply(p.x, t4, t6);           // V = X1·I
        multiply(p.z, t1, p.z);
        SecP256R1Field.twice(p.z, p.z);  // Z3 = 2·Z1·H = (Z1 + H)² − Z1Z1 − HH
        multiply(p.y, t5, t4);
        SecP256R1Field.twice(t4, t4);    // 2·Y1·J
        square(t2, p.x);
        SecP256R1Field.subtract(p.x, t5, p.x);
        SecP256R1Field.subtract(p.x, t6, p.x);
        SecP256R1Field.subtract(p.x, t6, p.x); // X3 = r² − J − 2·V
        SecP256R1Field.subtract(t6, p.x, t6);
        multiply(t2, t6, t6);
        SecP256R1Field.subtract(t6, t4, p.y);  // Y3 = r·(V − X3) − 2·Y1·J
    }

    /**
     * The affine coordinates of {@code points}, none of which may be the point at infinity:
     * {@code [i][0]} and {@code [i][1]} are those of {@code points[i]}. One inversion for them all
     * (Montgomery's trick); the points are left as they were.
     *
     * @throws IllegalArgumentException if one is the point at infinity
     */
    int[][][] normalise(Jacobian[] points) {
        int count = points.length;
        int[][] prefix = new int[count][];
        for (int i = 0; i < count; i++) {
            if (points[i].isInfinity()) {
                throw new IllegalArgumentException("point " + i + " is the point at infinity");
            }
            prefix[i] = i == 0 ? points[0].z.clone() : Nat256.create();
            if (i > 0) {
                multiply(prefix[i - 1], points[i].z, prefix[i]);
            }
        }
        int[] inverse = Nat256.create();
        SecP256R1Field.inv(prefix[count - 1], inverse);
        int[][][] affine = new int[count][2][];
        int[] zInverse = Nat256.create();
        for (int i = count - 1; i >= 0; i--) {
            if (i > 0) {
                multiply(inverse, prefix[i - 1], zInverse);
                multiply(inverse, points[i].z, inverse);
            } else {
                Nat256.copy(inverse, zInverse);
            }
            square(zInverse, t0);
            multiply(t0, zInverse, t1);
            affine[i][0] = Nat256.create();
            affine[i][1] = Nat256.create();
            multiply(points[i].x, t0, affine[i][0]);
            multiply(points[i].y, t1, affine[i][1]);
        }
        return affine;
    }

    /** Zeroes the scratch space, which may hold values derived from a secret. */
    void wipe() {
        for (int[] scratch : new int[][] {t0, t1, t2, t3, t4, t5, t6, wide}) {
            Arrays.fill(scratch, 0);
        }
    }

    /**
     * x ← the affine x coordinate X/Z² of P, not at infinity, by BouncyCastle's constant-time
     * inversion: for a point derived from a secret.
     */
    void affineX(Jacobian p, int[] x) {
        SecP256R1Field.inv(p.z, t0);
        square(t0, t1);
        multiply(p.x, t1, x);
    }

    /** The affine coordinates {x, y} of a BouncyCastle point, not at infinity. */
    static int[][] coordinates(ECPoint point) {
        ECPoint affine = point.normalize();
        return new int[][] {Nat256.fromBigInteger(affine.getAffineXCoord().toBigInteger()),
            Nat256.fromBigInteger(affine.getAffineYCoord().toBigInteger())};
    }

    /** Whether P is not at infinity and its affine x coordinate is {@code x}: X = x·Z², no inversion. */
    boolean hasAffineX(Jacobian p, int[] x) {
        if (p.isInfinity()) {
            return false;
        }
        square(p.z, t0);
        multiply(x, t0, t0);
        return Nat256.eq(t0, p.x);
    }

    private void multiply(int[] x, int[] y, int[] z) {
        SecP256R1Field.multiply(x, y, z, wide);
    }

    private void square(int[] x, int[] z) {
        SecP256R1Field.square(x, z, wide);
    }
}
