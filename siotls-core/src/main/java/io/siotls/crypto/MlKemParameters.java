package io.siotls.crypto;

/**
 * The three ML-KEM parameter sets of FIPS 203 §8 (Table 2, 3) with the sizes TLS sees: the
 * encapsulation key the client sends (384k + 32 bytes) and the ciphertext the server answers
 * with (32(d_u·k + d_v) bytes). The shared secret is 32 bytes for all three.
 */
enum MlKemParameters {
    ML_KEM_512(2, 768),
    ML_KEM_768(3, 1088),
    ML_KEM_1024(4, 1568);

    /** The length of every ML-KEM shared secret, FIPS 203 §7.2. */
    static final int SHARED_SECRET_LENGTH = 32;
    /** The length of the seed d ‖ z of ML-KEM.KeyGen_internal, FIPS 203 §6.1. */
    static final int SEED_LENGTH = 64;
    /** The prime q of FIPS 203 §2.4. */
    private static final int Q = 3329;

    private final int k;
    private final int ciphertextLength;

    MlKemParameters(int k, int ciphertextLength) {
        this.k = k;
        this.ciphertextLength = ciphertextLength;
    }

    int encapsulationKeyLength() {
        return 384 * k + 32;
    }

    int ciphertextLength() {
        return ciphertextLength;
    }

    /**
     * The modulus check of FIPS 203 §7.2: every 12-bit coefficient of the encoded vector t̂
     * (the first 384k bytes) is below q, so that ByteEncode12(ByteDecode12(t̂)) = t̂. The key
     * must already have its exact length.
     */
    boolean passesModulusCheck(byte[] encapsulationKey) {
        boolean valid = true;
        for (int i = 0; i < 384 * k; i += 3) {
            int b0 = encapsulationKey[i] & 0xff;
            int b1 = encapsulationKey[i + 1] & 0xff;
            int b2 = encapsulationKey[i + 2] & 0xff;
            valid &= (b0 | (b1 & 0x0f) << 8) < Q;
            valid &= (b1 >>> 4 | b2 << 4) < Q;
        }
        return valid;
    }
}
