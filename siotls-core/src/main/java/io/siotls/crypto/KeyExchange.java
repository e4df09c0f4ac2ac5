package io.siotls.crypto;

import io.siotls.iana.NamedGroup;
import java.security.SecureRandom;

/**
 * One group as TLS 1.3 uses it in the key_share extension, RFC 8446 §4.2.8: (EC)DHE, where both
 * sides send a public value, or a KEM (draft-ietf-tls-mlkem §3), where the client sends an
 * encapsulation key and the server a ciphertext encapsulated to it.
 */
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

    /**
     * The server's side for the client's {@code clientShare}: its own share and the shared
     * secret. (EC)DHE draws a fresh key pair from {@code random} and agrees with the client's
     * value; KEM groups encapsulate to the client's key instead.
     *
     * @throws io.siotls.alerts.IllegalParameter when the client's share is malformed or invalid
     */
    default ServerKeyShare respond(byte[] clientShare, SecureRandom random) {
        KeyExchangeKeyPair own = generate(random);
        return new ServerKeyShare(own.publicShare(), own.sharedSecret(clientShare));
    }
}
