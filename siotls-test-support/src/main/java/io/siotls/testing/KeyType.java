package io.siotls.testing;

import java.math.BigInteger;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** The key types test certificates can hold, with how to generate them and sign with them. */
public enum KeyType {
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA"),
    EC_P384("EC", new ECGenParameterSpec("secp384r1"), "SHA384withECDSA"),
    EC_P521("EC", new ECGenParameterSpec("secp521r1"), "SHA512withECDSA"),
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    /** An RSA key restricted to RSASSA-PSS (OID id-RSASSA-PSS), RFC 8446 §4.2.3 rsa_pss_pss_*. */
    RSA_PSS_2048("RSASSA-PSS", new RSAKeyGenParameterSpec(2048, BigInteger.valueOf(65537)), "SHA256withRSAandMGF1"),
    ED25519("Ed25519", null, "Ed25519"),
    ED448("Ed448", null, "Ed448");

    private final String keyAlgorithm;
    private final AlgorithmParameterSpec parameters;
    private final String certificateSignatureAlgorithm;

    KeyType(String keyAlgorithm, AlgorithmParameterSpec parameters, String certificateSignatureAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
        this.parameters = parameters;
        this.certificateSignatureAlgorithm = certificateSignatureAlgorithm;
    }

    /** The JCA {@code KeyPairGenerator} algorithm name. */
    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    /** The generator parameters, or null when the algorithm takes none. */
    AlgorithmParameterSpec parameters() {
        return parameters;
    }

    /** The signature algorithm (BouncyCastle naming) a CA holding such a key signs certificates with. */
    public String certificateSignatureAlgorithm() {
        return certificateSignatureAlgorithm;
    }
}
