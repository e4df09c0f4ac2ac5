package io.siotls;

import java.security.Key;
import java.util.Arrays;
import java.util.List;

/** Compares keys by their encoding, which is what value equality of configurations needs. */
final class KeyEquality {

    private KeyEquality() {
    }

    static boolean sameKey(Key a, Key b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.getAlgorithm().equals(b.getAlgorithm()) && Arrays.equals(a.getEncoded(), b.getEncoded());
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

    static int hash(Key key) {
        return key == null ? 0 : Arrays.hashCode(key.getEncoded());
    }

    static int hash(List<? extends Key> keys) {
        int hash = 1;
        for (Key key : keys) {
            hash = 31 * hash + hash(key);
        }
        return hash;
    }
}
