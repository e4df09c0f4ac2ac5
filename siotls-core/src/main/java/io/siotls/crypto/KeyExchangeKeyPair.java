package io.siotls.crypto;

/** An ephemeral key pair of one {@link KeyExchange}. */
public interface KeyExchangeKeyPair {

    /**
     * The public value as it goes in KeyShareEntry.key_exchange (RFC 8446 §4.2.8.1 for finite
     * fields, padded to the prime's length; §4.2.8.2 for curves: uncompressed point or the
     * RFC 7748 u-coordinate).
     */
    byte[] publicShare();

    /**
     * The shared secret with the peer's public value (RFC 8446 §7.4).
     *
     * @throws io.siotls.alerts.IllegalParameter when the peer's value is malformed, not on the
     *         curve, out of range or yields an all-zero secret
     */
    byte[] sharedSecret(byte[] peerShare);
}
