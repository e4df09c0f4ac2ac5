package io.siotls.crypto;

/**
 * HMAC (RFC 2104) with one hash, keyed anew on each call: what HKDF (RFC 5869) and the Finished
 * MAC (RFC 8446 §4.4.4) need. One instance serves one connection's key schedule, call after call,
 * so it keeps its hash state between them; not thread-safe.
 */
public interface Hmac {

    /** HMAC-Hash(key, data). */
    byte[] compute(byte[] key, byte[] data);

    /** The length of an HMAC value: the hash's output length. */
    int length();
}
