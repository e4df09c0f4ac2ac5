package io.siotls.crypto;

import java.security.SecureRandom;

/**
 * ML-KEM (FIPS 203) as a backend offers it: key generation, encapsulation and decapsulation on
 * the raw encodings TLS carries. Callers have checked lengths and the encapsulation key
 * (FIPS 203 §7.2, §7.3) before they get here.
 */
interface MlKem {

    /** ML-KEM.KeyGen, FIPS 203 §7.1. */
    KeyPair generate(MlKemParameters parameters, SecureRandom random);

    /** ML-KEM.Encaps, FIPS 203 §7.2, to a checked encapsulation key. */
    Encapsulation encapsulate(MlKemParameters parameters, byte[] encapsulationKey, SecureRandom random);

    /** A decapsulation key and its encapsulation key. */
    interface KeyPair {
        byte[] encapsulationKey();

        /** ML-KEM.Decaps, FIPS 203 §7.3, of a ciphertext of the right length. */
        byte[] decapsulate(byte[] ciphertext);
    }

    /** A ciphertext and the shared secret it carries. */
    record Encapsulation(byte[] ciphertext, byte[] sharedSecret) {
    }
}
