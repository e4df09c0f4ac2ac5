package io.siotls.crypto;

import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.InternalErrorAlert;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import javax.crypto.SecretKey;

/**
 * ML-KEM on the JDK's own {@code javax.crypto.KEM} "ML-KEM" (JDK 24 and later, JEP 496), reached
 * by reflection since this code is built for Java 17, where the class does not exist. The JDK
 * takes and gives keys as X.509 SubjectPublicKeyInfo: the raw encapsulation key TLS carries is
 * the tail of that encoding, behind a prefix fixed per parameter set.
 */
final class JdkMlKem implements MlKem {

    private static final JdkMlKem INSTANCE = load();

    private final Object kem;
    private final Method newEncapsulator;
    private final Method newDecapsulator;
    private final Method encapsulate;
    private final Method encapsulation;
    private final Method encapsulatedKey;
    private final Method decapsulate;
    private final Map<MlKemParameters, byte[]> prefixes = new EnumMap<>(MlKemParameters.class);

    private JdkMlKem() throws ReflectiveOperationException, GeneralSecurityException {
        Class<?> kemClass = Class.forName("javax.crypto.KEM");
        kem = kemClass.getMethod("getInstance", String.class).invoke(null, "ML-KEM");
        newEncapsulator = kemClass.getMethod("newEncapsulator", PublicKey.class, SecureRandom.class);
        newDecapsulator = kemClass.getMethod("newDecapsulator", PrivateKey.class);
        encapsulate = Class.forName("javax.crypto.KEM$Encapsulator").getMethod("encapsulate");
        Class<?> encapsulated = Class.forName("javax.crypto.KEM$Encapsulated");
        encapsulation = encapsulated.getMethod("encapsulation");
        encapsulatedKey = encapsulated.getMethod("key");
        decapsulate = Class.forName("javax.crypto.KEM$Decapsulator").getMethod("decapsulate", byte[].class);
        for (MlKemParameters parameters : MlKemParameters.values()) {
            byte[] spki = generator(parameters, new SecureRandom()).generateKeyPair().getPublic().getEncoded();
            prefixes.put(parameters, Arrays.copyOf(spki, spki.length - parameters.encapsulationKeyLength()));
        }
    }

    /** The JDK's ML-KEM, or null on a JDK without it (before 24). */
    static JdkMlKem get() {
        return INSTANCE;
    }

    private static JdkMlKem load() {
        try {
            return new JdkMlKem();
        } catch (ReflectiveOperationException | GeneralSecurityException | RuntimeException absent) {
            return null;
        }
    }

    private static String name(MlKemParameters parameters) {
        return switch (parameters) {
            case ML_KEM_512 -> "ML-KEM-512";
            case ML_KEM_768 -> "ML-KEM-768";
            case ML_KEM_1024 -> "ML-KEM-1024";
        };
    }

    private static KeyPairGenerator generator(MlKemParameters parameters, SecureRandom random)
            throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-KEM");
        generator.initialize(new NamedParameterSpec(name(parameters)), random);
        return generator;
    }

    @Override
    public MlKem.KeyPair generate(MlKemParameters parameters, SecureRandom random) {
        try {
            java.security.KeyPair pair = generator(parameters, random).generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            return new KeyPair(pair.getPrivate(),
                    Arrays.copyOfRange(spki, spki.length - parameters.encapsulationKeyLength(), spki.length));
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(name(parameters) + " key generation failed", e);
        }
    }

    @Override
    public Encapsulation encapsulate(MlKemParameters parameters, byte[] encapsulationKey, SecureRandom random) {
        byte[] prefix = prefixes.get(parameters);
        byte[] spki = Arrays.copyOf(prefix, prefix.length + encapsulationKey.length);
        System.arraycopy(encapsulationKey, 0, spki, prefix.length, encapsulationKey.length);
        PublicKey key;
        try {
            key = KeyFactory.getInstance("ML-KEM").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalParameter(name(parameters) + " encapsulation key refused: " + e.getMessage());
        }
        Object result = invoke(encapsulate, invoke(newEncapsulator, kem, key, random));
        return new Encapsulation((byte[]) invoke(encapsulation, result),
                ((SecretKey) invoke(encapsulatedKey, result)).getEncoded());
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw new InternalErrorAlert("javax.crypto.KEM " + method.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new InternalErrorAlert("javax.crypto.KEM " + method.getName() + " is not reachable", e);
        }
    }

    private final class KeyPair implements MlKem.KeyPair {
        private final PrivateKey privateKey;
        private final byte[] encapsulationKey;

        KeyPair(PrivateKey privateKey, byte[] encapsulationKey) {
            this.privateKey = privateKey;
            this.encapsulationKey = encapsulationKey;
        }

        @Override
        public byte[] encapsulationKey() {
            return encapsulationKey.clone();
        }

        @Override
        public byte[] decapsulate(byte[] ciphertext) {
            Object decapsulator = invoke(newDecapsulator, kem, privateKey);
            return ((SecretKey) invoke(decapsulate, decapsulator, (Object) ciphertext)).getEncoded();
        }
    }
}
