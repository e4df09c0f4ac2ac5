package io.siotls;

import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Compares keys by their key material, which is what value equality of configurations needs: the
 * same key read from two encodings (a PKCS#8 with or without the optional EC public key, say)
 * is the same key.
 */
final class KeyEquality {

    private KeyEquality() {
    }

    static boolean sameKey(Key a, Key b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (!a.getAlgorithm().equals(b.getAlgorithm())) {
            return false;
        }
        if (a instanceof ECPrivateKey x && b instanceof ECPrivateKey y) {
            return x.getS().equals(y.getS()) && x.getParams().getOrder().equals(y.getParams().getOrder());
        }
        if (a instanceof RSAPrivateKey x && b instanceof RSAPrivateKey y) {
            return x.getModulus().equals(y.getModulus()) && x.getPrivateExponent().equals(y.getPrivateExponent());
        }
        if (a instanceof EdECPrivateKey x && b instanceof EdECPrivateKey y) {
            return x.getParams().getName().equals(y.getParams().getName())
                    && Arrays.equals(x.getBytes().orElse(null), y.getBytes().orElse(null));
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    static boolean sameKeys(List<? extends Key> a, List<? extends Key> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameKey(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A hash consistent with {@link #sameKey}: the algorithm only, which is cheap and always agrees. */
    static int hash(Key key) {
        return key == null ? 0 : Objects.hashCode(key.getAlgorithm());
    }

    static int hash(List<? extends Key> keys) {
        int hash = 1;
        for (Key key : keys) {
            hash = 31 * hash + hash(key);
        }
        return hash;
    }
}
