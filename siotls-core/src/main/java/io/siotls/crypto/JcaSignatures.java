package io.siotls.crypto;

import io.siotls.alerts.InternalError;
import io.siotls.iana.SignatureScheme;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** The signature schemes of RFC 8446 §4.2.3 on JCA: which key fits which scheme, sign, verify. */
final class JcaSignatures {

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
            case ECDSA_SECP256R1_SHA256 -> curveBits(key) == 256;
            case ECDSA_SECP384R1_SHA384 -> curveBits(key) == 384;
            case ECDSA_SECP521R1_SHA512 -> curveBits(key) == 521;
            case ECDSA_SHA1 -> key instanceof ECKey;
            case ED25519 -> key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
            case ED448 -> key instanceof EdECKey ed && "Ed448".equalsIgnoreCase(ed.getParams().getName());
        };
    }

    private static int curveBits(Key key) {
        return key instanceof ECKey ec ? ec.getParams().getOrder().bitLength() : -1;
    }

    static byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] message, SecureRandom random) {
        if (!keyFits(scheme, key)) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key cannot sign with " + scheme);
        }
        try {
            Signature signature = newSignature(scheme);
            signature.initSign(key, random);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new InternalError("signing with " + scheme + " failed", e);
        }
    }

    static boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signatureBytes) {
        if (!keyFits(scheme, key)) {
            return false;
        }
        try {
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
