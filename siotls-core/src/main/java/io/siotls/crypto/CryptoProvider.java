package io.siotls.crypto;

import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;

/**
 * The cryptographic primitives the engine needs; the core never calls JCA directly but through
 * this interface, so a faster or different backend can be installed.
 */
public interface CryptoProvider {

    /** The backend the engine uses unless told otherwise: JCA, with BouncyCastle for what the JDK lacks. */
    static CryptoProvider getDefault() {
        return JcaCryptoProvider.INSTANCE;
    }

    boolean supports(CipherSuite suite);

    boolean supports(NamedGroup group);

    boolean supports(SignatureScheme scheme);

    /** A new AEAD instance for {@code suite} keyed with {@code key}. */
    Aead aead(CipherSuite suite, byte[] key);

    KeyExchange keyExchange(NamedGroup group);

    /**
     * A reusable HMAC with the hash named in JCA terms ({@code SHA-256}, {@code SHA-384}), for one
     * connection at a time.
     */
    Hmac hmac(String hashAlgorithm);

    /** HMAC with the hash named in JCA terms ({@code SHA-256}, {@code SHA-384}), computed once. */
    default byte[] hmac(String hashAlgorithm, byte[] key, byte[] data) {
        return hmac(hashAlgorithm).compute(key, data);
    }

    /** A new incremental hash ({@code SHA-256}, {@code SHA-384}). */
    java.security.MessageDigest messageDigest(String hashAlgorithm);

    /** Whether {@code key} can produce or check signatures of {@code scheme} (type, curve, padding). */
    boolean keyFits(SignatureScheme scheme, java.security.Key key);

    /** Signs {@code message} with {@code scheme}; {@code random} feeds randomized schemes (PSS, ECDSA). */
    byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] message, SecureRandom random);

    /** Whether {@code signature} is a valid {@code scheme} signature of {@code message} by {@code key}. */
    boolean verify(SignatureScheme scheme, PublicKey key, byte[] message, byte[] signature);
}
