package io.siotls.crypto;

import io.siotls.iana.NamedGroup;
import java.security.SecureRandom;

/** One (EC)DHE group as TLS 1.3 uses it in the key_share extension, RFC 8446 §4.2.8. */
public interface KeyExchange {

    NamedGroup group();

    /** A fresh ephemeral key pair drawn from {@code random}. */
    KeyExchangeKeyPair generate(SecureRandom random);

    /**
     * The key pair of a given private key, for reproducible tests (RFC 8448 traces): the raw
     * scalar for X25519/X448 (RFC 7748), the big-endian scalar for the NIST curves, the
     * big-endian exponent for the finite field groups.
     */
    KeyExchangeKeyPair fromPrivateKey(byte[] privateKey);
}
