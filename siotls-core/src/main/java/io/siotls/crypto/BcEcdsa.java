package io.siotls.crypto;

import io.siotls.iana.SignatureScheme;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;

/**
 * ECDSA over secp256r1, secp384r1 and secp521r1 with the hash RFC 8446 §4.2.3 pairs with each
 * curve, on BouncyCastle's fixed-curve arithmetic: measured about 5× the JDK 17's SunEC and 2×
 * the JDK 25's (with its P-256 AVX-512 IFMA intrinsic) when signing and verifying
 * ({@code EcdsaBenchmark}, docs/architecture.md). Signatures are DER {@code ECDSA-Sig-Value} (RFC 8446 §4.2.3,
 * RFC 3279 §2.2.3), decoded strictly; the per-signature nonce comes from the caller's random.
 */
final class BcEcdsa {

    private static final ECDomainParameters SECP256R1 = domain("secp256r1");
    private static final ECDomainParameters SECP384R1 = domain("secp384r1");
    private static final ECDomainParameters SECP521R1 = domain("secp521r1");
    private static final EcVerifyingKeys VERIFYING_KEYS = new EcVerifyingKeys(EcVerifyingKeys.CAPACITY);

    private BcEcdsa() {
    }

    private static ECDomainParameters domain(String name) {
        X9ECParameters curve = CustomNamedCurves.getByName(name);
        return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH(), curve.getSeed());
    }

    /** Whether this class handles {@code scheme}: the three curve-bound ECDSA schemes. */
    static boolean handles(SignatureScheme scheme) {
        return domainOf(scheme) != null;
    }

    private static ECDomainParameters domainOf(SignatureScheme scheme) {
        return switch (scheme) {
            case ECDSA_SECP256R1_SHA256 -> SECP256R1;
            case ECDSA_SECP384R1_SHA384 -> SECP384R1;
            case ECDSA_SECP521R1_SHA512 -> SECP521R1;
            default -> null;
        };
    }

    private static String hashOf(SignatureScheme scheme) {
        return switch (scheme) {
            case ECDSA_SECP256R1_SHA256 -> "SHA-256";
            case ECDSA_SECP384R1_SHA384 -> "SHA-384";
            default -> "SHA-512";
        };
    }

    /**
     * The signature of {@code message}, or {@code null} when the key does not expose its scalar
     * (a hardware or PKCS#11 key), which the caller then hands to JCA. secp256r1 signatures come
     * from {@link P256Signer}, the same as BouncyCastle's for the same nonce at a tenth of the
     * allocation.
     */
    static byte[] sign(SignatureScheme scheme, ECPrivateKey key, byte[] message, SecureRandom random)
            throws GeneralSecurityException {
        BigInteger scalar = key.getS();
        if (scalar == null) {
            return null;
        }
        ECDomainParameters domain = domainOf(scheme);
        SecureRandom nonces = random != null ? random : new SecureRandom();
        BigInteger[] rs;
        if (domain == SECP256R1) {
            rs = P256Signer.sign(scalar, digest(scheme, message), nonces);
        } else {
            ECDSASigner signer = new ECDSASigner();
            signer.init(true, new ParametersWithRandom(new ECPrivateKeyParameters(scalar, domain), nonces));
            rs = signer.generateSignature(digest(scheme, message));
        }
        try {
            return StandardDSAEncoding.INSTANCE.encode(domain.getN(), rs[0], rs[1]);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot encode an ECDSA signature", e);
        }
    }

    /**
     * Whether {@code signature} is a valid DER ECDSA signature of {@code message} by {@code key};
     * a point off the curve, a malformed or non-canonical encoding, or r or s out of range is
     * {@code false}. The key's decoded point is kept for its next verification ({@link EcVerifyingKeys}),
     * and secp256r1 signatures are checked by {@link P256Verifier}, which allocates a tenth as much.
     */
    static boolean verify(SignatureScheme scheme, ECPublicKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        ECDomainParameters domain = domainOf(scheme);
        EcVerifyingKeys.VerifyingKey publicKey;
        BigInteger[] rs;
        try {
            publicKey = VERIFYING_KEYS.of(domain, key);
            rs = StandardDSAEncoding.INSTANCE.decode(domain.getN(), signature);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return false;
        }
        if (publicKey.p256() != null) {
            return P256Verifier.verify(publicKey.p256(), digest(scheme, message), rs[0], rs[1]);
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, publicKey.parameters());
        return verifier.verifySignature(digest(scheme, message), rs[0], rs[1]);
    }

    private static byte[] digest(SignatureScheme scheme, byte[] message) throws GeneralSecurityException {
        return MessageDigest.getInstance(hashOf(scheme)).digest(message);
    }
}
