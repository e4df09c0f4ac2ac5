package io.siotls.crypto;

import java.nio.ByteBuffer;

/**
 * An AEAD cipher bound to one key (RFC 5116), as the record layer uses it (RFC 8446 §5.2).
 * Instances are not thread-safe: one per direction of one connection.
 */
public interface Aead {

    /** Length of the authentication tag appended to each ciphertext. */
    int tagLength();

    /**
     * Encrypts and authenticates {@code plaintext} (from its position to its limit) into
     * {@code output} at its position, followed by the tag. Both buffers' positions advance.
     * The two buffers may share their backing array only when they start at the same offset.
     *
     * @param nonce the per-record nonce, {@code ivLength} bytes
     * @param aad the additional authenticated data
     * @return the number of bytes written (plaintext length + tag length)
     */
    int seal(byte[] nonce, byte[] aad, ByteBuffer plaintext, ByteBuffer output);

    /**
     * Authenticates and decrypts {@code ciphertext} (tag included, from its position to its
     * limit) into {@code output} at its position. Both buffers' positions advance.
     *
     * @return the number of plaintext bytes written
     * @throws io.siotls.alerts.BadRecordMac when authentication fails; nothing is written then
     */
    int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer output);
}
