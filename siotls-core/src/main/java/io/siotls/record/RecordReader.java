package io.siotls.record;

import io.siotls.alerts.BadRecordMac;
import io.siotls.alerts.ProtocolVersion;
import io.siotls.alerts.RecordOverflow;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.crypto.Aead;
import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The receiving side of the record layer (RFC 8446 §5.1, §5.2, §5.4): frames records out of the
 * bytes received, checks them, and removes their protection once keys are installed.
 *
 * <p>Two ways to use it. The Sans-IO way: {@link #feed} the bytes as they come, in chunks of any
 * size, and call {@link #next()} until it returns null. The JSSE hot path: {@link #open} opens one
 * record from a caller's buffer straight into another, allocating nothing.
 *
 * <p>Each violation raises the alert RFC 8446 prescribes:
 * <ul>
 *   <li>a legacy_record_version whose major byte is not 3 (not a TLS record at all: likely plain
 *       HTTP or garbage): {@code protocol_version}, as OpenSSL and BoringSSL do. The minor byte is
 *       ignored, as RFC 8446 §5.1 requires, but it is authenticated as part of the additional data;
 *   <li>an unknown content type (heartbeat included, TLS 1.3 does not use it): {@code unexpected_message};
 *   <li>a TLSCiphertext longer than 2^14 + 256 bytes, a TLSPlaintext longer than 2^14 bytes, a
 *       TLSInnerPlaintext longer than 2^14 + 1 bytes: {@code record_overflow};
 *   <li>an empty handshake or alert record: {@code unexpected_message};
 *   <li>once protection is on: a record that fails authentication: {@code bad_record_mac}; an
 *       inner plaintext of only zeros, an inner change_cipher_spec or unknown inner type:
 *       {@code unexpected_message}; an unprotected record other than change_cipher_spec or alert:
 *       {@code unexpected_message}. An unprotected change_cipher_spec or alert record is passed up
 *       as it is ({@link Record#wasProtected()} false): whether it is the change_cipher_spec
 *       tolerated for middlebox compatibility, or the alert of a peer that failed before it could
 *       switch keys, is the connection's call.
 * </ul>
 * Not thread-safe.
 */
public final class RecordReader {

    private int maxInnerPlaintextLength = RecordLimits.MAX_INNER_PLAINTEXT_LENGTH;
    private static final String[] PLAINTEXT_PROTOCOL_PREFIXES = {"GET ", "POST", "HEAD", "PUT ", "CONN", "OPTI"};

    private final RecordResult result = new RecordResult();
    private RecordProtection protection;
    /** Bytes of rejected early data that may still be skipped; 0 when not skipping. */
    private int earlyDataToSkip;
    private byte[] input = new byte[0];
    private ByteBuffer inputView = ByteBuffer.wrap(input);
    private int inputStart;
    private int inputEnd;
    private byte[] plaintext;
    private ByteBuffer plaintextView;

    /**
     * Lowers the largest TLSInnerPlaintext (content, content type and padding) accepted in a
     * protected record to the limit this side announced with record_size_limit (RFC 8449 §4) or
     * max_fragment_length (RFC 6066 §4, plus one byte for the content type); a larger record is
     * record_overflow.
     */
    public void setMaxInnerPlaintextLength(int length) {
        if (length < 1 || length > RecordLimits.MAX_INNER_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException("inner plaintext limit " + length + " outside 1.."
                    + RecordLimits.MAX_INNER_PLAINTEXT_LENGTH);
        }
        this.maxInnerPlaintextLength = length;
    }

    /**
     * Removes the protection of every following record with {@code aead} and {@code iv},
     * starting at sequence number 0 (RFC 8446 §5.3).
     *
     * @throws IllegalArgumentException when an argument is null or the IV shorter than 8 bytes
     */
    public void setProtection(Aead aead, byte[] iv) {
        this.protection = new RecordProtection(aead, iv);
    }

    /** Whether received records must be protected. */
    public boolean isProtected() {
        return protection != null;
    }

    /** The sequence number of the next protected record; 0 while unprotected. */
    public long sequenceNumber() {
        return protection == null ? 0 : protection.sequenceNumber();
    }

    /**
     * Appends a copy of {@code len} bytes of {@code data} to the bytes waiting to be framed.
     *
     * @throws IllegalArgumentException when the range is invalid
     */
    public void feed(byte[] data, int off, int len) {
        Arguments.checkRange(data, off, len);
        reserveInput(len);
        System.arraycopy(data, off, input, inputEnd, len);
        inputEnd += len;
    }

    /** Same as {@code feed(data, 0, data.length)}. */
    public void feed(byte[] data) {
        Arguments.requireNonNull(data, "data");
        feed(data, 0, data.length);
    }

    /** Appends a copy of the remaining bytes of {@code src}, emptying it. */
    public void feed(ByteBuffer src) {
        Arguments.requireNonNull(src, "src");
        int len = src.remaining();
        reserveInput(len);
        src.get(input, inputEnd, len);
        inputEnd += len;
    }

    /** Drops the bytes fed and not yet framed, and gives their buffer back: the connection is over. */
    public void discard() {
        input = new byte[0];
        inputView = ByteBuffer.wrap(input);
        inputStart = 0;
        inputEnd = 0;
        plaintext = null;
        plaintextView = null;
    }

    /** Number of bytes fed but not yet framed into a record. */
    public int buffered() {
        return inputEnd - inputStart;
    }

    /**
     * The next complete record, checked and with its protection removed, or null when more
     * bytes are needed. A bad header is reported as soon as its 5 bytes are in, without waiting
     * for the body.
     *
     * @throws io.siotls.alerts.TLSAlertException the alert for a bad record, see the class comment
     */
    public Record next() {
        if (plaintext == null) {
            plaintext = new byte[RecordLimits.MAX_CIPHERTEXT_LENGTH];
            plaintextView = ByteBuffer.wrap(plaintext);
        }
        RecordResult opened;
        do {
            inputView.limit(inputEnd).position(inputStart);
            plaintextView.clear();
            opened = open(inputView, plaintextView);
            inputStart += opened.bytesConsumed();
        } while (opened.status() == RecordResult.Status.SKIPPED);
        if (opened.status() != RecordResult.Status.OK) {
            return null;
        }
        if (inputStart == inputEnd) {
            inputStart = 0;
            inputEnd = 0;
        }
        byte[] fragment = Arrays.copyOf(plaintext, opened.bytesProduced());
        return new Record(opened.type(), fragment, opened.wasProtected());
    }

    /**
     * RFC 8446 §4.2.10: a server that rejects the client's early data skips it. From now on, an
     * application_data record that cannot be opened — any, before read keys are set (the early
     * data sent before a HelloRetryRequest), or one that fails authentication under the keys set
     * (the handshake keys) — is dropped with {@link RecordResult.Status#SKIPPED} instead of
     * failing, until {@code maxEarlyDataSize} bytes of it were dropped (then bad_record_mac, or
     * unexpected_message before keys) or a protected record opens, which ends the skipping.
     * 0 ends it too (e.g. once a second ClientHello is in).
     */
    public void skipRejectedEarlyData(int maxEarlyDataSize) {
        this.earlyDataToSkip = maxEarlyDataSize;
    }

    /**
     * Opens ONE record from {@code src} (which starts at a record boundary) straight into
     * {@code dst}, advancing both positions. Allocates nothing.
     *
     * <p>Results: {@code OK} with the whole record consumed and its plaintext content produced;
     * {@code NEED_MORE_INPUT} when {@code src} holds less than a whole record, with
     * {@link RecordResult#bytesNeeded()} the bytes it must hold (5 until the header is in, then
     * the record length); {@code DST_TOO_SMALL} with {@link RecordResult#bytesNeeded()} the room
     * {@code dst} needs (for a protected record, the TLSInnerPlaintext length: the content is
     * shorter once the type and padding are removed); {@code SKIPPED} with the whole record consumed
     * and nothing produced, see {@link #skipRejectedEarlyData}. Neither buffer moves unless the
     * result is {@code OK} or {@code SKIPPED}. {@link RecordLimits#MAX_CIPHERTEXT_LENGTH} bytes of
     * room are always enough.
     *
     * @return this reader's reused result object
     * @throws io.siotls.alerts.TLSAlertException the alert for a bad record, see the class comment
     */
    public RecordResult open(ByteBuffer src, ByteBuffer dst) {
        Arguments.requireNonNull(src, "src");
        Arguments.requireNonNull(dst, "dst");
        int start = src.position();
        if (!RecordHeader.isAvailable(src, start)) {
            return result.needMoreInput(RecordLimits.HEADER_LENGTH);
        }
        int version = RecordHeader.legacyVersion(src, start);
        int length = RecordHeader.length(src, start);
        checkVersion(version, src, start);
        ContentType outerType = checkOuterType(RecordHeader.contentType(src, start));
        boolean protectedRecord = protection != null && outerType == ContentType.APPLICATION_DATA;
        checkLength(outerType, length, protectedRecord);
        int recordLength = RecordHeader.recordLength(src, start);
        if (src.remaining() < recordLength) {
            return result.needMoreInput(recordLength);
        }
        int dstNeeded = protectedRecord ? Math.max(0, length - protection.tagLength()) : length;
        if (dst.remaining() < dstNeeded) {
            return result.dstTooSmall(dstNeeded);
        }
        int srcLimit = src.limit();
        int dstStart = dst.position();
        src.limit(start + recordLength).position(start + RecordLimits.HEADER_LENGTH);
        try {
            if (outerType == ContentType.APPLICATION_DATA && protection == null && skipsEarlyData(length)) {
                src.position(start + recordLength);
                return result.skipped(recordLength);
            }
            if (!protectedRecord) {
                dst.put(src);
                return result.ok(outerType, false, recordLength, length);
            }
            ContentType innerType = earlyDataToSkip > 0
                    ? decryptOrSkip(version, length, src, dst)
                    : decrypt(version, length, src, dst);
            if (innerType == null) {
                src.position(start + recordLength);
                return result.skipped(recordLength);
            }
            return result.ok(innerType, true, recordLength, dst.position() - dstStart);
        } catch (RuntimeException e) {
            src.position(start);
            throw e;
        } finally {
            src.limit(srcLimit);
        }
    }

    /**
     * Decrypts, or returns null when authentication fails and the record may be skipped as
     * rejected early data. A failed open leaves {@code dst} as it was (RecordProtection's
     * contract) and the sequence number unchanged; the record itself is dropped, never read again.
     */
    private ContentType decryptOrSkip(int version, int length, ByteBuffer src, ByteBuffer dst) {
        try {
            ContentType type = decrypt(version, length, src, dst);
            earlyDataToSkip = 0;
            return type;
        } catch (BadRecordMac e) {
            if (skipsEarlyData(length - protection.tagLength() - 1)) {
                return null;
            }
            throw e;
        }
    }

    /** Counts {@code length} bytes against the early data still skippable; false past it. */
    private boolean skipsEarlyData(int length) {
        if (earlyDataToSkip <= 0) {
            return false;
        }
        earlyDataToSkip -= Math.max(0, length);
        if (earlyDataToSkip < 0) {
            earlyDataToSkip = 0;
            return false;
        }
        return true;
    }

    private static void checkVersion(int version, ByteBuffer src, int start) {
        if (version >>> 8 == 3) {
            return;
        }
        String hint = looksLikePlaintextProtocol(src, start)
                ? ": the peer seems to speak a plaintext protocol such as HTTP, not TLS"
                : "";
        throw new ProtocolVersion(String.format(
                "record legacy_record_version 0x%04x is not a TLS version (RFC 8446 §5.1)%s", version, hint));
    }

    private static boolean looksLikePlaintextProtocol(ByteBuffer src, int start) {
        byte[] head = new byte[4];
        for (int i = 0; i < head.length; i++) {
            head[i] = src.get(start + i);
        }
        String text = new String(head, StandardCharsets.US_ASCII);
        return Arrays.asList(PLAINTEXT_PROTOCOL_PREFIXES).contains(text);
    }

    private ContentType checkOuterType(int typeCode) {
        ContentType type = ContentType.fromCode(typeCode);
        if (type == null || type == ContentType.HEARTBEAT) {
            throw new UnexpectedMessage("unknown record content type " + typeCode + " (RFC 8446 §5)");
        }
        if (protection != null && type != ContentType.APPLICATION_DATA && type != ContentType.CHANGE_CIPHER_SPEC
                && type != ContentType.ALERT) {
            throw new UnexpectedMessage("unprotected " + type + " record received while records must be"
                    + " protected (RFC 8446 §5)");
        }
        return type;
    }

    private static void checkLength(ContentType type, int length, boolean protectedRecord) {
        if (protectedRecord) {
            if (length > RecordLimits.MAX_CIPHERTEXT_LENGTH) {
                throw new RecordOverflow("protected record of " + length + " bytes exceeds "
                        + RecordLimits.MAX_CIPHERTEXT_LENGTH + " (RFC 8446 §5.2)");
            }
            return;
        }
        if (length > RecordLimits.MAX_PLAINTEXT_LENGTH) {
            throw new RecordOverflow(type + " record of " + length + " bytes exceeds "
                    + RecordLimits.MAX_PLAINTEXT_LENGTH + " (RFC 8446 §5.1)");
        }
        checkNotEmpty(type, length);
    }

    private static void checkNotEmpty(ContentType type, int length) {
        if (length == 0 && (type == ContentType.HANDSHAKE || type == ContentType.ALERT)) {
            throw new UnexpectedMessage("empty " + type + " record (RFC 8446 §5.1)");
        }
    }

    /** Decrypts into dst, strips the padding, leaves dst's position after the content. */
    private ContentType decrypt(int version, int length, ByteBuffer src, ByteBuffer dst) {
        if (length < protection.tagLength()) {
            throw new BadRecordMac("protected record of " + length + " bytes is shorter than the "
                    + protection.tagLength() + "-byte authentication tag");
        }
        int dstStart = dst.position();
        protection.open(version, src, dst);
        try {
            return removePadding(dst, dstStart);
        } catch (RuntimeException e) {
            wipe(dst, dstStart);
            throw e;
        }
    }

    private ContentType removePadding(ByteBuffer dst, int dstStart) {
        int innerLength = dst.position() - dstStart;
        if (innerLength > maxInnerPlaintextLength) {
            throw new RecordOverflow("decrypted TLSInnerPlaintext of " + innerLength + " bytes exceeds "
                    + maxInnerPlaintextLength + (maxInnerPlaintextLength == RecordLimits.MAX_INNER_PLAINTEXT_LENGTH
                            ? " (RFC 8446 §5.4)" : ", the limit this side announced (RFC 8449 §4, RFC 6066 §4)"));
        }
        int typeIndex = dst.position() - 1;
        while (typeIndex >= dstStart && dst.get(typeIndex) == 0) {
            typeIndex--;
        }
        if (typeIndex < dstStart) {
            throw new UnexpectedMessage("protected record holds no content type: its TLSInnerPlaintext is"
                    + " all zeros (RFC 8446 §5.4)");
        }
        int typeCode = dst.get(typeIndex) & 0xff;
        ContentType type = ContentType.fromCode(typeCode);
        if (type == null || type == ContentType.HEARTBEAT) {
            throw new UnexpectedMessage("unknown inner content type " + typeCode + " in a protected record"
                    + " (RFC 8446 §5)");
        }
        if (type == ContentType.CHANGE_CIPHER_SPEC) {
            throw new UnexpectedMessage("change_cipher_spec must not be protected (RFC 8446 §5)");
        }
        int contentLength = typeIndex - dstStart;
        if (contentLength > RecordLimits.MAX_PLAINTEXT_LENGTH) {
            throw new RecordOverflow("decrypted content of " + contentLength + " bytes exceeds "
                    + RecordLimits.MAX_PLAINTEXT_LENGTH + " (RFC 8446 §5.2)");
        }
        checkNotEmpty(type, contentLength);
        dst.position(typeIndex);
        return type;
    }

    private static void wipe(ByteBuffer dst, int dstStart) {
        for (int i = dstStart; i < dst.position(); i++) {
            dst.put(i, (byte) 0);
        }
        dst.position(dstStart);
    }

    private void reserveInput(int room) {
        if (input.length - inputEnd >= room) {
            return;
        }
        int buffered = buffered();
        byte[] target = input.length - buffered >= room
                ? input
                : new byte[Math.max(input.length * 2, buffered + room)];
        System.arraycopy(input, inputStart, target, 0, buffered);
        if (target != input) {
            input = target;
            inputView = ByteBuffer.wrap(input);
        }
        inputStart = 0;
        inputEnd = buffered;
    }
}
