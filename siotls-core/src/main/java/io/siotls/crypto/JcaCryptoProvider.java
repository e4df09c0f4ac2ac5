package io.siotls.crypto;

import io.siotls.alerts.InternalErrorAlert;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default backend: JCA for AEADs, ECDH, finite field DH, hashes and signatures;
 * BouncyCastle's lightweight API (never registered as a JCA provider) for what is faster there
 * (X25519, X448) or missing from the JDK (AES-CCM, and ML-KEM before JDK 24, whose
 * {@code javax.crypto.KEM} serves from 24 on), and the ECDHE-MLKEM hybrids built from those
 * halves.
 */
public final class JcaCryptoProvider implements CryptoProvider {

    public static final JcaCryptoProvider INSTANCE = new JcaCryptoProvider();

    private final Map<NamedGroup, KeyExchange> keyExchanges = new EnumMap<>(NamedGroup.class);
    /**
     * The signature schemes the installed JCA providers serve, asked once: every ClientHello and
     * every credential choice asks again, and a {@code Signature.getInstance} per scheme each
     * time cost a provider search and its objects.
     */
    private final Set<SignatureScheme> signatureSchemes = EnumSet.noneOf(SignatureScheme.class);

    private JcaCryptoProvider() {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            if (JcaSignatures.available(scheme)) {
                signatureSchemes.add(scheme);
            }
        }
        for (NamedGroup group : NamedGroup.values()) {
            if (!group.isPostQuantum()) {
                keyExchanges.put(group, switch (group) {
                    case X25519, X448 -> new MontgomeryKeyExchange(group);
                    case SECP256R1, SECP384R1, SECP521R1 -> new EcdhKeyExchange(group);
                    default -> new FfdheKeyExchange(group);
                });
            }
        }
        MlKem mlKem = mlKem();
        MlKemKeyExchange mlKem768 = new MlKemKeyExchange(NamedGroup.MLKEM768, MlKemParameters.ML_KEM_768, mlKem);
        MlKemKeyExchange mlKem1024 = new MlKemKeyExchange(NamedGroup.MLKEM1024, MlKemParameters.ML_KEM_1024, mlKem);
        keyExchanges.put(NamedGroup.MLKEM512,
                new MlKemKeyExchange(NamedGroup.MLKEM512, MlKemParameters.ML_KEM_512, mlKem));
        keyExchanges.put(NamedGroup.MLKEM768, mlKem768);
        keyExchanges.put(NamedGroup.MLKEM1024, mlKem1024);
        keyExchanges.put(NamedGroup.X25519MLKEM768, new HybridKeyExchange(NamedGroup.X25519MLKEM768,
                component(mlKem768), component(NamedGroup.X25519, 32, 32)));
        keyExchanges.put(NamedGroup.SECP256R1MLKEM768, new HybridKeyExchange(NamedGroup.SECP256R1MLKEM768,
                component(NamedGroup.SECP256R1, 65, 32), component(mlKem768)));
        keyExchanges.put(NamedGroup.SECP384R1MLKEM1024, new HybridKeyExchange(NamedGroup.SECP384R1MLKEM1024,
                component(NamedGroup.SECP384R1, 97, 48), component(mlKem1024)));
    }

    /**
     * The JDK's ML-KEM where it has one (JDK 24 and later), else BouncyCastle's: measured on JDK
     * 25 (docs/benchmarks.md, MlKemBenchmark), each of the JDK's key generation, encapsulation
     * and decapsulation takes about half of BouncyCastle's time.
     */
    private static MlKem mlKem() {
        JdkMlKem jdk = JdkMlKem.get();
        return jdk != null ? jdk : BcMlKem.INSTANCE;
    }

    private HybridKeyExchange.Component component(NamedGroup classic, int shareLength, int privateKeyLength) {
        return new HybridKeyExchange.Component(keyExchanges.get(classic), shareLength, shareLength, privateKeyLength);
    }

    private static HybridKeyExchange.Component component(MlKemKeyExchange mlKem) {
        return new HybridKeyExchange.Component(mlKem, mlKem.parameters().encapsulationKeyLength(),
                mlKem.parameters().ciphertextLength(), MlKemParameters.SEED_LENGTH);
    }

    @Override
    public boolean supports(CipherSuite suite) {
        return true;
    }

    @Override
    public boolean supports(NamedGroup group) {
        return keyExchanges.containsKey(group);
    }

    @Override
    public boolean supports(SignatureScheme scheme) {
        return signatureSchemes.contains(scheme);
    }

    @Override
    public Aead aead(CipherSuite suite, byte[] key) {
        if (key.length != suite.keyLength()) {
            throw new IllegalArgumentException(suite + " keys are " + suite.keyLength() + " bytes");
        }
        return switch (suite) {
            case TLS_AES_128_CCM_SHA256, TLS_AES_128_CCM_8_SHA256 -> new CcmAead(suite, key);
            default -> new JcaAead(suite, key);
        };
    }

    @Override
    public KeyExchange keyExchange(NamedGroup group) {
        return keyExchanges.get(group);
    }

    @Override
    public Hmac hmac(String hashAlgorithm) {
        return new JcaHmac(hashAlgorithm);
    }

    @Override
    public MessageDigest messageDigest(String hashAlgorithm) {
        try {
            return MessageDigest.getInstance(hashAlgorithm);
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert(hashAlgorithm + " is not available", e);
        }
    }

    @Override
    public boolean keyFits(SignatureScheme scheme, Key key) {
        return JcaSignatures.keyFits(scheme, key);
    }

    @Override
    public byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] message, SecureRandom random) {
        return JcaSignatures.sign(scheme, key, message, random);
    }

    @Override
    public boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signature) {
        return JcaSignatures.verify(scheme, key, message, signature);
    }
}
