package io.siotls.crypto;

import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The fixed-base comb of one secp256r1 point P (Lim and Lee): with the 256 bits of a scalar
 * read as {@link #TEETH} rows of {@link #SPACING} bits, entry b of the table is the sum of
 * 2^(j·{@link #SPACING})·P over the bits j set in b, so that k·P takes {@link #SPACING}
 * doublings and as many additions of a table entry, where a plain double-and-add takes 256 of
 * each. Built once per point (about 300 doublings and additions), 63 affine points, about 6 KB;
 * public data only.
 */
final class P256Comb {

    /** The bits of a scalar one table entry covers. */
    static final int TEETH = 6;
    /** The distance between the teeth, and the doublings of one multiplication: ⌈256 / {@value #TEETH}⌉. */
    static final int SPACING = (256 + TEETH - 1) / TEETH;

    /** The comb of the group's generator G (SEC 2 §2.4.2). */
    static final P256Comb GENERATOR = of(CustomNamedCurves.getByName("secp256r1").getG());

    private final int[][][] table;

    private P256Comb(int[][][] table) {
        this.table = table;
    }

    /** The comb of a BouncyCastle point of the prime-order group. */
    static P256Comb of(ECPoint point) {
        int[][] coordinates = P256Points.coordinates(point);
        return of(coordinates[0], coordinates[1]);
    }

    /** The comb of the affine point (x, y), a point of the prime-order group. */
    static P256Comb of(int[] x, int[] y) {
        P256Points arithmetic = new P256Points();
        P256Points.Jacobian[] teeth = new P256Points.Jacobian[TEETH];
        for (int j = 0; j < TEETH; j++) {
            teeth[j] = new P256Points.Jacobian();
            if (j == 0) {
                teeth[0].setAffine(x, y);
            } else {
                teeth[j].set(teeth[j - 1]);
                for (int i = 0; i < SPACING; i++) {
                    arithmetic.twice(teeth[j]);
                }
            }
        }
        int[][][] affineTeeth = arithmetic.normalise(teeth);
        P256Points.Jacobian[] sums = new P256Points.Jacobian[(1 << TEETH) - 1];
        for (int entry = 1; entry < 1 << TEETH; entry++) {
            int highest = 31 - Integer.numberOfLeadingZeros(entry);
            int rest = entry ^ (1 << highest);
            P256Points.Jacobian sum = new P256Points.Jacobian();
            if (rest != 0) {
                sum.set(sums[rest - 1]);
            }
            arithmetic.addAffine(sum, affineTeeth[highest][0], affineTeeth[highest][1]);
            sums[entry - 1] = sum;
        }
        return new P256Comb(arithmetic.normalise(sums));
    }

    /**
     * The entries, affine: {@code [b − 1][0]} and {@code [b − 1][1]} are the coordinates of entry
     * b, so {@code [0]} is the point itself.
     */
    int[][][] affineEntries() {
        return table;
    }

    /** The table entry of column {@code column} of a little-endian 8-word scalar: 0 to 63. */
    static int entry(int[] scalar, int column) {
        int entry = 0;
        for (int j = TEETH - 1; j >= 0; j--) {
            int bit = column + j * SPACING;
            entry = (entry << 1) | (bit < 256 ? (scalar[bit >>> 5] >>> (bit & 31)) & 1 : 0);
        }
        return entry;
    }

    /**
     * Adds to {@code sum} the entry for column {@code column} of the little-endian 8-word
     * {@code scalar}: its bits column, column + {@value #SPACING}, column + 2·{@value #SPACING} …
     */
    void addColumn(P256Points arithmetic, P256Points.Jacobian sum, int[] scalar, int column) {
        int entry = entry(scalar, column);
        if (entry != 0) {
            arithmetic.addAffine(sum, table[entry - 1][0], table[entry - 1][1]);
        }
    }
}
