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
     * Same as {@link #seal(byte[], byte[], ByteBuffer, ByteBuffer)} on the plaintext
     * {@code content || trailer}, without copying the two together: the record layer seals the
     * caller's content followed by the TLSInnerPlaintext type and padding (RFC 8446 §5.2) this way.
     * Both inputs' positions advance to their limits. This default copies them into one buffer;
     * implementations that can seal in two steps override it.
     *
     * @return the number of bytes written (content and trailer lengths + tag length)
     */
    default int seal(byte[] nonce, byte[] aad, ByteBuffer content, ByteBuffer trailer, ByteBuffer output) {
        ByteBuffer plaintext = ByteBuffer.allocate(content.remaining() + trailer.remaining());
        plaintext.put(content).put(trailer).flip();
        return seal(nonce, aad, plaintext, output);
    }

    /**
     * Authenticates and decrypts {@code ciphertext} (tag included, from its position to its
     * limit) into {@code output} at its position. Both buffers' positions advance.
     *
     * @return the number of plaintext bytes written
     * @throws io.siotls.alerts.BadRecordMac when authentication fails; nothing is written then
     */
    int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer output);
}
