package io.siotls.crypto;

/**
 * The server's half of a key exchange: the key_exchange it sends in its ServerHello (RFC 8446
 * §4.2.8) and the shared secret that enters the key schedule (§7.1). For (EC)DHE the share is
 * the server's public value; for ML-KEM (draft-ietf-tls-mlkem §3) it is a ciphertext.
 */
public record ServerKeyShare(byte[] share, byte[] sharedSecret) {
}
