package io.siotls.crypto;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Curve;

/**
 * The decoded forms of the ECDSA public keys verified recently. A client verifies the same
 * server key in every connection's CertificateVerify (RFC 8446 §4.4.3), a server the same client
 * keys under mutual TLS: reusing the point decoded and validated the first time also reuses the
 * multiples of it that the verification precomputes ({@link P256Verifier} for secp256r1,
 * BouncyCastle, which keeps them on the point, for the other curves), which measured about twice
 * as fast as decoding the key again. Only points that passed the curve check are kept, at most
 * {@link #CAPACITY}, the least recently used dropped first. Public data only; thread safe
 * (BouncyCastle guards a point's precomputations with the point).
 */
final class EcVerifyingKeys {

    /** Keys kept: the peers one process verifies again and again are few. */
    static final int CAPACITY = 64;

    /** A validated key: BouncyCastle's form, and for secp256r1 the multiples {@link P256Verifier} uses. */
    record VerifyingKey(ECPublicKeyParameters parameters, P256Verifier.PublicKey p256) {
    }

    private final Map<Key, VerifyingKey> keys;

    EcVerifyingKeys(int capacity) {
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, VerifyingKey> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The validated BouncyCastle key for {@code key} on {@code domain}.
     *
     * @throws IllegalArgumentException if the point is at infinity or not on the curve
     */
    VerifyingKey of(ECDomainParameters domain, ECPublicKey key) {
        ECPoint w = key.getW();
        if (w == null || w.equals(ECPoint.POINT_INFINITY)) {
            throw new IllegalArgumentException("the public key is the point at infinity");
        }
        Key lookup = new Key(domain, w.getAffineX(), w.getAffineY());
        synchronized (keys) {
            VerifyingKey known = keys.get(lookup);
            if (known != null) {
                return known;
            }
        }
        ECPublicKeyParameters validated = new ECPublicKeyParameters(
                domain.getCurve().createPoint(lookup.x(), lookup.y()), domain);
        VerifyingKey decoded = new VerifyingKey(validated,
                domain.getCurve() instanceof SecP256R1Curve ? P256Verifier.publicKey(validated) : null);
        synchronized (keys) {
            keys.put(lookup, decoded);
        }
        return decoded;
    }

    /** How many keys are kept. */
    int size() {
        synchronized (keys) {
            return keys.size();
        }
    }

    private record Key(ECDomainParameters domain, BigInteger x, BigInteger y) {
    }
}
