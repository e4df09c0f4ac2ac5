package io.siotls.benchmarks;

import java.lang.reflect.Method;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ML-KEM-768 (FIPS 203) as a TLS handshake spends it: the client's key generation and
 * decapsulation, the server's encapsulation, on BouncyCastle's lightweight API (what siotls
 * uses) and on the JDK's {@code javax.crypto.KEM} "ML-KEM" (JDK 24 and later, reached by
 * reflection from this Java 17 code; the JDK backend fails its setup on older JDKs). The engine
 * takes the JDK's only where this measures it faster.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MlKemBenchmark {

    @Param({"BOUNCYCASTLE", "JDK"})
    public String backend;

    private final SecureRandom random = new SecureRandom();
    private Backend kem;
    private Object keyPair;
    private Object encapsulationKey;
    private byte[] ciphertext;

    /** One ML-KEM-768 implementation: key pairs, encapsulation to one's public half, decapsulation. */
    private interface Backend {
        Object generate() throws Exception;

        Object publicKey(Object keyPair) throws Exception;

        byte[] encapsulate(Object publicKey) throws Exception;

        byte[] decapsulate(Object keyPair, byte[] ciphertext) throws Exception;
    }

    @Setup
    public void setUp() throws Exception {
        kem = backend.equals("JDK") ? new Jdk(random) : new BouncyCastle(random);
        keyPair = kem.generate();
        encapsulationKey = kem.publicKey(keyPair);
        ciphertext = kem.encapsulate(encapsulationKey);
    }

    /** The client: a key pair for its ClientHello. */
    @Benchmark
    public Object keyGeneration() throws Exception {
        return kem.generate();
    }

    /** The server: encapsulation to the client's key (its decoding included). */
    @Benchmark
    public byte[] encapsulation() throws Exception {
        return kem.encapsulate(kem.publicKey(keyPair));
    }

    /** The client: decapsulation of the server's ciphertext. */
    @Benchmark
    public byte[] decapsulation() throws Exception {
        return kem.decapsulate(keyPair, ciphertext);
    }

    private static final class BouncyCastle implements Backend {
        private final SecureRandom random;

        BouncyCastle(SecureRandom random) {
            this.random = random;
        }

        @Override
        public Object generate() {
            MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
            generator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
            return generator.generateKeyPair();
        }

        @Override
        public Object publicKey(Object keyPair) {
            byte[] encoded = ((MLKEMPublicKeyParameters) ((AsymmetricCipherKeyPair) keyPair).getPublic()).getEncoded();
            return new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, encoded);
        }

        @Override
        public byte[] encapsulate(Object publicKey) {
            SecretWithEncapsulation result = new MLKEMGenerator(random)
                    .generateEncapsulated((MLKEMPublicKeyParameters) publicKey);
            return result.getEncapsulation();
        }

        @Override
        public byte[] decapsulate(Object keyPair, byte[] ciphertext) {
            return new MLKEMExtractor((MLKEMPrivateKeyParameters) ((AsymmetricCipherKeyPair) keyPair).getPrivate())
                    .extractSecret(ciphertext);
        }
    }

    /** javax.crypto.KEM by reflection: KEM.getInstance("ML-KEM"), its encapsulator and decapsulator. */
    private static final class Jdk implements Backend {
        private final SecureRandom random;
        private final KeyPairGenerator generator;
        private final java.security.KeyFactory keyFactory;
        private final Object kem;
        private final Method newEncapsulator;
        private final Method newDecapsulator;
        private final Method encapsulate;
        private final Method encapsulation;
        private final Method decapsulate;

        Jdk(SecureRandom random) throws Exception {
            this.random = random;
            generator = KeyPairGenerator.getInstance("ML-KEM-768");
            keyFactory = java.security.KeyFactory.getInstance("ML-KEM");
            Class<?> kemClass = Class.forName("javax.crypto.KEM");
            kem = kemClass.getMethod("getInstance", String.class).invoke(null, "ML-KEM");
            newEncapsulator = kemClass.getMethod("newEncapsulator", PublicKey.class, SecureRandom.class);
            newDecapsulator = kemClass.getMethod("newDecapsulator", PrivateKey.class);
            encapsulate = Class.forName("javax.crypto.KEM$Encapsulator").getMethod("encapsulate");
            encapsulation = Class.forName("javax.crypto.KEM$Encapsulated").getMethod("encapsulation");
            decapsulate = Class.forName("javax.crypto.KEM$Decapsulator").getMethod("decapsulate", byte[].class);
        }

        @Override
        public Object generate() {
            return generator.generateKeyPair();
        }

        /** The client's key as the server receives it: the raw encapsulation key in SubjectPublicKeyInfo. */
        @Override
        public Object publicKey(Object keyPair) throws Exception {
            byte[] spki = ((KeyPair) keyPair).getPublic().getEncoded();
            return keyFactory.generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
        }

        @Override
        public byte[] encapsulate(Object publicKey) throws Exception {
            Object encapsulator = newEncapsulator.invoke(kem, publicKey, random);
            return (byte[]) encapsulation.invoke(encapsulate.invoke(encapsulator));
        }

        @Override
        public byte[] decapsulate(Object keyPair, byte[] ciphertext) throws Exception {
            Object decapsulator = newDecapsulator.invoke(kem, ((KeyPair) keyPair).getPrivate());
            return ((javax.crypto.SecretKey) decapsulate.invoke(decapsulator, (Object) ciphertext)).getEncoded();
        }
    }
}
