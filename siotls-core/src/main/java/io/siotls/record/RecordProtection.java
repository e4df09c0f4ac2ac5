package io.siotls.record;

import io.siotls.alerts.InternalErrorAlert;
import io.siotls.crypto.Aead;
import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;

/**
 * The protection state of one direction of the record layer (RFC 8446 §5.2, §5.3): an AEAD bound
 * to the traffic key, the static IV, and the 64-bit record sequence number.
 *
 * <p>Each record's nonce is the IV XORed with the sequence number left-padded to the IV length;
 * the additional data is the TLSCiphertext header. Both are computed into arrays owned by this
 * object, so protecting a record allocates nothing. The sequence number never wraps: once
 * 2^64 records were processed, every further call raises {@link InternalErrorAlert} (the connection
 * must update its keys well before, RFC 8446 §5.5). Not thread-safe.
 */
public final class RecordProtection {

    private static final int MIN_IV_LENGTH = 8;

    private final Aead aead;
    private final byte[] iv;
    private final byte[] nonce;
    private final byte[] additionalData = new byte[RecordLimits.HEADER_LENGTH];
    private long sequenceNumber;
    private boolean exhausted;

    /**
     * Protection starting at sequence number 0.
     *
     * @param aead the AEAD keyed with the traffic key of this direction
     * @param iv the traffic IV of this direction (copied), at least 8 bytes (RFC 8446 §5.3)
     * @throws IllegalArgumentException when an argument is null or the IV is too short
     */
    public RecordProtection(Aead aead, byte[] iv) {
        this(aead, iv, 0);
    }

    RecordProtection(Aead aead, byte[] iv, long initialSequenceNumber) {
        this.aead = Arguments.requireNonNull(aead, "aead");
        Arguments.requireNonNull(iv, "iv");
        if (iv.length < MIN_IV_LENGTH) {
            throw new IllegalArgumentException("the IV must be at least " + MIN_IV_LENGTH
                    + " bytes long (RFC 8446 §5.3), got " + iv.length);
        }
        this.iv = iv.clone();
        this.nonce = new byte[iv.length];
        this.sequenceNumber = initialSequenceNumber;
    }

    /** Bytes the AEAD adds to each record: its tag length. */
    public int tagLength() {
        return aead.tagLength();
    }

    /** The sequence number of the next record, as an unsigned 64-bit value. */
    public long sequenceNumber() {
        return sequenceNumber;
    }

    /**
     * Writes the TLSCiphertext header into {@code dst}, then encrypts after it the TLSInnerPlaintext
     * made of {@code content} and {@code trailer} (the content type and padding), each from its
     * position to its limit (RFC 8446 §5.2). The caller makes sure {@code dst} has room for the
     * header, both inputs and the tag.
     *
     * @return the number of bytes written to {@code dst}
     * @throws InternalErrorAlert when the sequence number is exhausted
     */
    public int seal(ByteBuffer content, ByteBuffer trailer, ByteBuffer dst) {
        checkNotExhausted();
        int length = content.remaining() + trailer.remaining() + aead.tagLength();
        fillAdditionalData(RecordLimits.LEGACY_VERSION_TLS12, length);
        fillNonce();
        dst.put(additionalData);
        int written = aead.seal(nonce, additionalData, content, trailer, dst);
        advance();
        return RecordLimits.HEADER_LENGTH + written;
    }

    /**
     * Authenticates and decrypts the encrypted_record {@code ciphertext} (from its position to its
     * limit) into {@code dst}, using the header that came with it as additional data.
     *
     * <p>When it fails, whatever the AEAD did (see {@link Aead#open}): the sequence number does
     * not advance, both positions are put back, and the bytes of {@code dst} that could have
     * received plaintext are zeroed, so that no unauthenticated plaintext is left in the caller's
     * buffer. A record opened in place is lost then: one that must outlive a failed open (to be
     * tried again) must be opened out of place.
     *
     * @param legacyRecordVersion the legacy_record_version of the received header
     * @return the number of TLSInnerPlaintext bytes written to {@code dst}
     * @throws io.siotls.alerts.BadRecordMac when authentication fails
     * @throws InternalErrorAlert when the sequence number is exhausted
     */
    public int open(int legacyRecordVersion, ByteBuffer ciphertext, ByteBuffer dst) {
        checkNotExhausted();
        int ciphertextStart = ciphertext.position();
        int dstStart = dst.position();
        int exposed = Math.min(dst.remaining(), Math.max(0, ciphertext.remaining() - aead.tagLength()));
        fillAdditionalData(legacyRecordVersion, ciphertext.remaining());
        fillNonce();
        int written;
        try {
            written = aead.open(nonce, additionalData, ciphertext, dst);
        } catch (RuntimeException e) {
            for (int i = dstStart; i < dstStart + exposed; i++) {
                dst.put(i, (byte) 0);
            }
            ciphertext.position(ciphertextStart);
            dst.position(dstStart);
            throw e;
        }
        advance();
        return written;
    }

    void checkNotExhausted() {
        if (exhausted) {
            throw new InternalErrorAlert("the 64-bit record sequence number is exhausted: the keys must be"
                    + " updated before it wraps (RFC 8446 §5.3)");
        }
    }

    private void fillAdditionalData(int legacyRecordVersion, int length) {
        additionalData[0] = (byte) ContentType.APPLICATION_DATA.code();
        additionalData[1] = (byte) (legacyRecordVersion >>> 8);
        additionalData[2] = (byte) legacyRecordVersion;
        additionalData[3] = (byte) (length >>> 8);
        additionalData[4] = (byte) length;
    }

    private void fillNonce() {
        int last = nonce.length - 1;
        System.arraycopy(iv, 0, nonce, 0, nonce.length);
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[last - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
    }

    private void advance() {
        sequenceNumber++;
        if (sequenceNumber == 0) {
            exhausted = true;
        }
    }
}
