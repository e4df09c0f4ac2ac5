package io.siotls.crypto;

import io.siotls.alerts.InternalErrorAlert;
import java.security.SecureRandom;
import javax.security.auth.DestroyFailedException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/** ML-KEM on BouncyCastle's lightweight API, which runs on every JDK this project supports. */
final class BcMlKem implements MlKem {

    static final BcMlKem INSTANCE = new BcMlKem();

    private BcMlKem() {
    }

    @Override
    public MlKem.KeyPair generate(MlKemParameters parameters, SecureRandom random) {
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, bc(parameters)));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new KeyPair((MLKEMPrivateKeyParameters) pair.getPrivate());
    }

    /** ML-KEM.KeyGen_internal(d, z), FIPS 203 §6.1, from {@code seed} = d ‖ z: reproducible keys for tests. */
    MlKem.KeyPair fromSeed(MlKemParameters parameters, byte[] seed) {
        if (seed.length != MlKemParameters.SEED_LENGTH) {
            throw new IllegalArgumentException("ML-KEM seeds are d || z, " + MlKemParameters.SEED_LENGTH + " bytes");
        }
        return new KeyPair(new MLKEMPrivateKeyParameters(bc(parameters), seed.clone()));
    }

    /** The ciphertext and secret copied out, then BouncyCastle's own copy of the secret wiped. */
    @Override
    public Encapsulation encapsulate(MlKemParameters parameters, byte[] encapsulationKey, SecureRandom random) {
        SecretWithEncapsulation result = new MLKEMGenerator(random)
                .generateEncapsulated(new MLKEMPublicKeyParameters(bc(parameters), encapsulationKey));
        Encapsulation encapsulation = new Encapsulation(result.getEncapsulation(), result.getSecret());
        try {
            result.destroy();
        } catch (DestroyFailedException e) {
            throw new InternalErrorAlert("BouncyCastle's ML-KEM secret could not be wiped", e);
        }
        return encapsulation;
    }

    private static MLKEMParameters bc(MlKemParameters parameters) {
        return switch (parameters) {
            case ML_KEM_512 -> MLKEMParameters.ml_kem_512;
            case ML_KEM_768 -> MLKEMParameters.ml_kem_768;
            case ML_KEM_1024 -> MLKEMParameters.ml_kem_1024;
        };
    }

    private static final class KeyPair implements MlKem.KeyPair {
        private final MLKEMPrivateKeyParameters privateKey;

        KeyPair(MLKEMPrivateKeyParameters privateKey) {
            this.privateKey = privateKey;
        }

        @Override
        public byte[] encapsulationKey() {
            return privateKey.getPublicKey();
        }

        @Override
        public byte[] decapsulate(byte[] ciphertext) {
            return new MLKEMExtractor(privateKey).extractSecret(ciphertext);
        }
    }
}
