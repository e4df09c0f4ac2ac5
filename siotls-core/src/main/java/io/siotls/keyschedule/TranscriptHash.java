package io.siotls.keyschedule;

import io.siotls.crypto.CryptoProvider;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;

/**
 * The running hash of the handshake messages, RFC 8446 §4.4.1. Messages are buffered until the
 * cipher suite, and so the hash, is chosen ({@link #selectHash}).
 */
public final class TranscriptHash {

    private ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private MessageDigest digest;

    /** Chooses the hash function and replays the messages received so far. Idempotent per algorithm. */
    public void selectHash(CryptoProvider crypto, String hashAlgorithm) {
        if (digest != null) {
            if (!digest.getAlgorithm().equals(hashAlgorithm)) {
                throw new IllegalStateException("the transcript hash is already " + digest.getAlgorithm());
            }
            return;
        }
        digest = crypto.messageDigest(hashAlgorithm);
        digest.update(pending.toByteArray());
        pending = null;
    }

    private void requireNotReleased() {
        if (pending == null && digest == null) {
            throw new IllegalStateException("the transcript was released: the handshake is over");
        }
    }

    /** Drops the digest and any bytes held before the hash was chosen: the handshake is over. */
    public void release() {
        pending = null;
        digest = null;
    }

    /** Adds a whole handshake message, header included. */
    public void update(byte[] message) {
        update(message, 0, message.length);
    }

    public void update(byte[] message, int off, int len) {
        requireNotReleased();
        if (digest == null) {
            pending.write(message, off, len);
        } else {
            digest.update(message, off, len);
        }
    }

    /** Transcript-Hash of the messages so far. */
    public byte[] current() {
        requireNotReleased();
        if (digest == null) {
            throw new IllegalStateException("the transcript hash function is not chosen yet");
        }
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(digest.getAlgorithm() + " digests cannot be cloned", e);
        }
    }

    /**
     * Transcript-Hash of the messages so far followed by {@code length} bytes of {@code message},
     * which are not added: the hash a PSK binder covers, RFC 8446 §4.2.11.2.
     */
    public byte[] currentWith(byte[] message, int length) {
        requireNotReleased();
        if (digest == null) {
            throw new IllegalStateException("the transcript hash function is not chosen yet");
        }
        try {
            MessageDigest copy = (MessageDigest) digest.clone();
            copy.update(message, 0, length);
            return copy.digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(digest.getAlgorithm() + " digests cannot be cloned", e);
        }
    }

    /**
     * An independent transcript holding the same messages, to be continued separately: each
     * post-handshake authentication (RFC 8446 §4.4, §4.6.2) extends the transcript as it stood
     * at the client's Finished with its own messages.
     */
    public TranscriptHash copy() {
        requireNotReleased();
        if (digest == null) {
            throw new IllegalStateException("the transcript hash function is not chosen yet");
        }
        TranscriptHash copy = new TranscriptHash();
        copy.pending = null;
        try {
            copy.digest = (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(digest.getAlgorithm() + " digests cannot be cloned", e);
        }
        return copy;
    }

    /**
     * Replaces ClientHello1 by the synthetic message_hash message after a HelloRetryRequest,
     * RFC 8446 §4.4.1.
     */
    public void replaceWithMessageHash() {
        byte[] hash = current();
        digest.reset();
        digest.update(new byte[] {(byte) 254, 0, 0, (byte) hash.length});
        digest.update(hash);
    }
}
