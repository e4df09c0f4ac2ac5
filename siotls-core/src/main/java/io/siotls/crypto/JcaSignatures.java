package io.siotls.crypto;

import io.siotls.alerts.InternalErrorAlert;
import io.siotls.iana.SignatureScheme;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * The signature schemes of RFC 8446 §4.2.3 on JCA: which key fits which scheme, sign, verify.
 * ECDSA over the named curves goes to {@link BcEcdsa}, several times faster than SunEC.
 */
final class JcaSignatures {

    private static final ECParameterSpec SECP256R1 = namedCurve("secp256r1");
    private static final ECParameterSpec SECP384R1 = namedCurve("secp384r1");
    private static final ECParameterSpec SECP521R1 = namedCurve("secp521r1");

    private JcaSignatures() {
    }

    /** Whether {@code key} has the type, curve and RSA flavour {@code scheme} needs. */
    static boolean keyFits(SignatureScheme scheme, Key key) {
        if (key == null) {
            return false;
        }
        return switch (scheme) {
            case RSA_PSS_RSAE_SHA256, RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512,
                    RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512, RSA_PKCS1_SHA1 ->
                    key instanceof RSAKey && "RSA".equals(key.getAlgorithm());
            case RSA_PSS_PSS_SHA256, RSA_PSS_PSS_SHA384, RSA_PSS_PSS_SHA512 ->
                    key instanceof RSAKey && "RSASSA-PSS".equals(key.getAlgorithm());
            case ECDSA_SECP256R1_SHA256 -> onCurve(key, SECP256R1);
            case ECDSA_SECP384R1_SHA384 -> onCurve(key, SECP384R1);
            case ECDSA_SECP521R1_SHA512 -> onCurve(key, SECP521R1);
            case ECDSA_SHA1 -> key instanceof ECKey;
            case ED25519 -> key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
            case ED448 -> key instanceof EdECKey ed && "Ed448".equalsIgnoreCase(ed.getParams().getName());
        };
    }

    /**
     * Whether {@code key} is on {@code curve}, compared by value (field, coefficients, generator,
     * order) so that keys of any provider match. The order's length alone is not enough:
     * brainpoolP256r1 and secp256k1 also have 256-bit orders.
     */
    private static boolean onCurve(Key key, ECParameterSpec curve) {
        if (!(key instanceof ECKey ec) || ec.getParams() == null) {
            return false;
        }
        ECParameterSpec params = ec.getParams();
        return params.getCurve().equals(curve.getCurve()) && params.getGenerator().equals(curve.getGenerator())
                && params.getOrder().equals(curve.getOrder()) && params.getCofactor() == curve.getCofactor();
    }

    private static ECParameterSpec namedCurve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Whether {@code signature} has the fixed length RFC 8032 §5.1.7 and §5.2.7 give EdDSA
     * signatures: the JDK's EdDSA verifier ignores bytes after them and would accept a signature
     * with trailing garbage.
     */
    private static boolean plausibleLength(SignatureScheme scheme, byte[] signature) {
        return signature != null && switch (scheme) {
            case ED25519 -> signature.length == 64;
            case ED448 -> signature.length == 114;
            default -> true;
        };
    }

    static byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] message, SecureRandom random) {
        if (!keyFits(scheme, key)) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key cannot sign with " + scheme);
        }
        try {
            if (BcEcdsa.handles(scheme) && key instanceof ECPrivateKey ec) {
                byte[] fast = BcEcdsa.sign(scheme, ec, message, random);
                if (fast != null) {
                    return fast;
                }
            }
            Signature signature = newSignature(scheme);
            signature.initSign(key, random);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert("signing with " + scheme + " failed", e);
        }
    }

    static boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signatureBytes) {
        if (!keyFits(scheme, key) || !plausibleLength(scheme, signatureBytes)) {
            return false;
        }
        try {
            if (BcEcdsa.handles(scheme) && key instanceof ECPublicKey ec) {
                return BcEcdsa.verify(scheme, ec, message, signatureBytes);
            }
            Signature signature = newSignature(scheme);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static boolean available(SignatureScheme scheme) {
        try {
            newSignature(scheme);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Signature newSignature(SignatureScheme scheme) throws GeneralSecurityException {
        return switch (scheme) {
            case RSA_PSS_RSAE_SHA256, RSA_PSS_PSS_SHA256 -> pss("SHA-256", 32);
            case RSA_PSS_RSAE_SHA384, RSA_PSS_PSS_SHA384 -> pss("SHA-384", 48);
            case RSA_PSS_RSAE_SHA512, RSA_PSS_PSS_SHA512 -> pss("SHA-512", 64);
            case RSA_PKCS1_SHA256 -> Signature.getInstance("SHA256withRSA");
            case RSA_PKCS1_SHA384 -> Signature.getInstance("SHA384withRSA");
            case RSA_PKCS1_SHA512 -> Signature.getInstance("SHA512withRSA");
            case RSA_PKCS1_SHA1 -> Signature.getInstance("SHA1withRSA");
            case ECDSA_SECP256R1_SHA256 -> Signature.getInstance("SHA256withECDSA");
            case ECDSA_SECP384R1_SHA384 -> Signature.getInstance("SHA384withECDSA");
            case ECDSA_SECP521R1_SHA512 -> Signature.getInstance("SHA512withECDSA");
            case ECDSA_SHA1 -> Signature.getInstance("SHA1withECDSA");
            case ED25519 -> Signature.getInstance("Ed25519");
            case ED448 -> Signature.getInstance("Ed448");
        };
    }

    private static Signature pss(String hash, int saltLength) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
        return signature;
    }
}
