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
     * limit) into {@code output} at its position. Both buffers' positions advance. The two
     * buffers may share their backing memory only when {@code output} starts where
     * {@code ciphertext} does (decryption in place).
     *
     * <p>When authentication fails, {@link io.siotls.alerts.BadRecordMac} is thrown and:
     * <ul>
     *   <li>both buffers' positions are what they were on entry;
     *   <li>the bytes of {@code output} from its position, as many as the plaintext would have
     *       had ({@code ciphertext.remaining() - tagLength()}, within {@code output}'s limit),
     *       are <em>unspecified</em>: a backend may decrypt before it checks the tag, and leave
     *       there the unauthenticated plaintext, zeros, or the bytes that were there. JCA differs
     *       from one JDK to the next: JDK 17's AES-GCM writes nothing; JDK 25's writes the
     *       plaintext, then zeroes it, except in a heap buffer decrypted in place, where the
     *       plaintext stays.
     *       Callers must never read those bytes; {@link io.siotls.record.RecordProtection#open}
     *       zeroes them. No other byte of {@code output} is written;
     *   <li>{@code ciphertext} is only read: its bytes are unchanged, except where {@code output}
     *       overlaps them, so a record opened in place is destroyed by a failed open;
     *   <li>this AEAD remains usable, with the same nonce too: after a record fails, another
     *       may be opened with the nonce it was tried with.
     * </ul>
     * A failed open is normally fatal: the connection answers bad_record_mac and drops every
     * byte it holds, so nothing reads those buffers again. Where a record must outlive a failed
     * open (a server that rejected 0-RTT tries each record with its handshake key and skips
     * those that fail, RFC 8446 §4.2.10), open it out of place, into a buffer that can be
     * discarded, never in place.
     *
     * @return the number of plaintext bytes written
     * @throws io.siotls.alerts.BadRecordMac when authentication fails, as described above
     */
    int open(byte[] nonce, byte[] aad, ByteBuffer ciphertext, ByteBuffer output);
}
