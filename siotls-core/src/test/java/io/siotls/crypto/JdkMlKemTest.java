package io.siotls.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDK's ML-KEM (javax.crypto.KEM, JDK 24 and later) against BouncyCastle's, key pairs of
 * one decapsulating the other's ciphertexts, and with the same message m both giving the same
 * ciphertext and secret (ML-KEM.Encaps_internal, FIPS 203 §6.2, is deterministic in m). Runs
 * where the JDK has ML-KEM: on JDK 25 under CI, skipped on JDK 17.
 */
class JdkMlKemTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theJdkKemIsThereFromJdk24On() {
        assertThat(JdkMlKem.get() != null).isEqualTo(Runtime.version().feature() >= 24);
    }

    @ParameterizedTest
    @EnumSource(MlKemParameters.class)
    void eachDecapsulatesTheOthersCiphertexts(MlKemParameters parameters) {
        JdkMlKem jdk = jdk();
        MlKem.KeyPair jdkPair = jdk.generate(parameters, RANDOM);
        MlKem.KeyPair bcPair = BcMlKem.INSTANCE.generate(parameters, RANDOM);
        assertThat(jdkPair.encapsulationKey()).hasSize(parameters.encapsulationKeyLength());

        MlKem.Encapsulation toJdk = BcMlKem.INSTANCE.encapsulate(parameters, jdkPair.encapsulationKey(), RANDOM);
        MlKem.Encapsulation toBc = jdk.encapsulate(parameters, bcPair.encapsulationKey(), RANDOM);

        assertThat(toBc.ciphertext()).hasSize(parameters.ciphertextLength());
        assertThat(jdkPair.decapsulate(toJdk.ciphertext())).isEqualTo(toJdk.sharedSecret()).hasSize(32);
        assertThat(bcPair.decapsulate(toBc.ciphertext())).isEqualTo(toBc.sharedSecret()).hasSize(32);
    }

    @ParameterizedTest
    @EnumSource(MlKemParameters.class)
    void theSameMessageGivesTheSameCiphertextAndSecret(MlKemParameters parameters) {
        JdkMlKem jdk = jdk();
        byte[] m = new byte[32];
        RANDOM.nextBytes(m);
        byte[] encapsulationKey = BcMlKem.INSTANCE.generate(parameters, RANDOM).encapsulationKey();

        MlKem.Encapsulation bc = BcMlKem.INSTANCE.encapsulate(parameters, encapsulationKey, new QueuedRandom(m));
        MlKem.Encapsulation ours = jdk.encapsulate(parameters, encapsulationKey, new QueuedRandom(m));

        assertThat(ours.ciphertext()).isEqualTo(bc.ciphertext());
        assertThat(ours.sharedSecret()).isEqualTo(bc.sharedSecret());
    }

    private static JdkMlKem jdk() {
        JdkMlKem jdk = JdkMlKem.get();
        assumeTrue(jdk != null, "this JDK (" + Runtime.version() + ") has no ML-KEM: it came in JDK 24");
        return jdk;
    }
}
