package io.siotls.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA verification over secp256r1 (SEC 1 §4.1.4) on {@link P256Points}: u1·G + u2·Q with the
 * two combs interleaved ({@link P256Comb}: G's built once, each public key's kept with the key in
 * {@link EcVerifyingKeys}), {@value P256Comb#SPACING} doublings in all, the x coordinate compared
 * without an inversion. The running sum is mutable, so a verification allocates a few KB where
 * BouncyCastle's {@code ECDSASigner}, whose points are immutable, allocated about 80 KB.
 * Verification handles public data only, so nothing here needs to run in constant time.
 */
final class P256Verifier {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final BigInteger N = CURVE.getN();
    /** r + n is a candidate for x only while it is below p (SEC 1 §4.1.4 step 7 reduces x mod n). */
    private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();
    private static final P256Comb G = P256Comb.GENERATOR;

    /** The comb of one validated public key Q. */
    static final class PublicKey {
        private final P256Comb comb;

        private PublicKey(P256Comb comb) {
            this.comb = comb;
        }
    }

    private P256Verifier() {
    }

    /** The precomputation for a public key BouncyCastle already validated (on the curve, not at infinity). */
    static PublicKey publicKey(ECPublicKeyParameters validated) {
        return new PublicKey(P256Comb.of(validated.getQ()));
    }

    /**
     * Whether (r, s) is a signature of the 32-byte {@code digest} (SHA-256, whose length is the
     * order's, so e is the digest itself, SEC 1 §4.1.4 step 3) under {@code key}; r and s outside
     * [1, n − 1] are rejected.
     */
    static boolean verify(PublicKey key, byte[] digest, BigInteger r, BigInteger s) {
        if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, digest);
        BigInteger w = BigIntegers.modOddInverseVar(N, s);
        int[] u1 = Nat256.fromBigInteger(e.multiply(w).mod(N));
        int[] u2 = Nat256.fromBigInteger(r.multiply(w).mod(N));
        P256Points arithmetic = new P256Points();
        P256Points.Jacobian sum = new P256Points.Jacobian();
        for (int column = P256Comb.SPACING - 1; column >= 0; column--) {
            arithmetic.twice(sum);
            G.addColumn(arithmetic, sum, u1, column);
            key.comb.addColumn(arithmetic, sum, u2, column);
        }
        if (arithmetic.hasAffineX(sum, Nat256.fromBigInteger(r))) {
            return true;
        }
        BigInteger rPlusN = r.add(N);
        return rPlusN.compareTo(P) < 0 && arithmetic.hasAffineX(sum, Nat256.fromBigInteger(rPlusN));
    }
}
