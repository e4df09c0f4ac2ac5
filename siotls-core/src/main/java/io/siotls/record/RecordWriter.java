package io.siotls.record;

import io.siotls.crypto.Aead;
import io.siotls.iana.ContentType;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The sending side of the record layer (RFC 8446 §5.1, §5.2, §5.4): cuts content into records of
 * at most {@link #maxFragmentLength()} bytes and protects them once keys are installed.
 *
 * <p>Two ways to use it. The Sans-IO way: {@link #write} appends whole records to an internal
 * buffer that {@link #drain()} or {@link #drainTo} empties. The JSSE hot path: {@link #seal} seals
 * one record from a caller's heap buffer straight into another, without copying its content and
 * allocating nothing in steady state (a direct buffer's content is staged through a heap array).
 *
 * <p>Unprotected records carry their own content type and the {@link #legacyRecordVersion()}.
 * Protected records carry a TLSInnerPlaintext (content, real type, zero padding chosen by the
 * {@link PaddingPolicy}) inside an application_data record of version 0x0303. A change_cipher_spec
 * record is always sent unprotected (RFC 8446 §5, middlebox compatibility). Handshake, alert and
 * change_cipher_spec records are never empty; an empty application_data record is sent when
 * written explicitly. Not thread-safe.
 */
public final class RecordWriter {

    /**
     * The least output buffer made: room for a ClientHello, a ServerHello with its
     * change_cipher_spec, a Finished or a NewSessionTicket, each a flight of its own that the
     * SSLEngine path drains and gives back at once; a larger flight grows it to what it needs.
     */
    private static final int INITIAL_OUTPUT_CAPACITY = 512;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final RecordResult result = new RecordResult();
    private RecordProtection protection;
    private int legacyRecordVersion = RecordLimits.LEGACY_VERSION_TLS12;
    private int maxFragmentLength = RecordLimits.MAX_PLAINTEXT_LENGTH;
    private PaddingPolicy paddingPolicy = PaddingPolicy.NONE;
    private byte[] staging = new byte[0];
    private ByteBuffer stagingView = ByteBuffer.wrap(staging);
    private byte[] trailer = new byte[1];
    private ByteBuffer trailerView = ByteBuffer.wrap(trailer);
    private byte[] output = new byte[0];
    private ByteBuffer outputView = ByteBuffer.wrap(output);
    private int outputStart;
    private int outputEnd;

    /**
     * Protects every following record (but change_cipher_spec ones) with {@code aead} and
     * {@code iv}, starting at sequence number 0 (RFC 8446 §5.3).
     *
     * @throws IllegalArgumentException when an argument is null or the IV shorter than 8 bytes
     */
    public void setProtection(Aead aead, byte[] iv) {
        this.protection = new RecordProtection(aead, iv);
    }

    /**
     * Writes the following records unprotected again: a client's second ClientHello after its
     * early data (RFC 8446 §4.1.4, §4.2.10).
     */
    public void removeProtection() {
        this.protection = null;
    }

    /** Whether records are protected. */
    public boolean isProtected() {
        return protection != null;
    }

    /** The sequence number of the next protected record; 0 while unprotected. */
    public long sequenceNumber() {
        return protection == null ? 0 : protection.sequenceNumber();
    }

    /** The legacy_record_version written in unprotected records: 0x0303 unless set. */
    public int legacyRecordVersion() {
        return legacyRecordVersion;
    }

    /**
     * Sets the legacy_record_version of unprotected records: 0x0301 is allowed for the initial
     * ClientHello, 0x0303 otherwise (RFC 8446 §5.1). Protected records always carry 0x0303.
     *
     * @throws IllegalArgumentException for any other value
     */
    public void setLegacyRecordVersion(int version) {
        if (version != RecordLimits.LEGACY_VERSION_TLS12 && version != RecordLimits.LEGACY_VERSION_TLS10) {
            throw new IllegalArgumentException(String.format(
                    "legacy_record_version must be 0x0303 or 0x0301 (RFC 8446 §5.1), got 0x%04x", version));
        }
        this.legacyRecordVersion = version;
    }

    /** The most content plus padding bytes one record carries: 2^14 unless lowered. */
    public int maxFragmentLength() {
        return maxFragmentLength;
    }

    /**
     * Lowers (or restores) the fragment limit, as max_fragment_length (RFC 6066) or
     * record_size_limit (RFC 8449, minus one for the inner content type) negotiate. The limit
     * counts content and padding, so a protected record's TLSInnerPlaintext is at most one byte
     * longer.
     *
     * @throws IllegalArgumentException unless {@code 1 <= length <= 2^14}
     */
    public void setMaxFragmentLength(int length) {
        if (length < 1 || length > RecordLimits.MAX_PLAINTEXT_LENGTH) {
            throw new IllegalArgumentException("max fragment length must be within [1, "
                    + RecordLimits.MAX_PLAINTEXT_LENGTH + "], got " + length);
        }
        this.maxFragmentLength = length;
    }

    /** Sets the padding policy of protected records (RFC 8446 §5.4); {@link PaddingPolicy#NONE} by default. */
    public void setPaddingPolicy(PaddingPolicy policy) {
        this.paddingPolicy = Arguments.requireNonNull(policy, "policy");
    }

    /**
     * The longest record {@link #seal} can produce with the current settings, header included:
     * a destination with this much room never gets {@link RecordResult.Status#DST_TOO_SMALL}.
     */
    public int maxRecordLength() {
        int overhead = protection == null ? 0 : 1 + protection.tagLength();
        return RecordLimits.HEADER_LENGTH + maxFragmentLength + overhead;
    }

    /**
     * The room the next record of {@code type} needs for {@code remaining} content bytes: exact
     * without padding, else as much as any padding could take. A short handshake flight so fills a
     * small output buffer rather than one sized for the largest record.
     */
    private int roomFor(ContentType type, int remaining) {
        int contentLength = Math.min(remaining, maxFragmentLength);
        if (protection == null || type == ContentType.CHANGE_CIPHER_SPEC) {
            return RecordLimits.HEADER_LENGTH + contentLength;
        }
        int innerLength = paddingPolicy == PaddingPolicy.NONE ? contentLength + 1 : maxFragmentLength + 1;
        return RecordLimits.HEADER_LENGTH + innerLength + protection.tagLength();
    }

    /**
     * Cuts {@code len} bytes of {@code data} into records of type {@code type} and appends them to
     * the output buffer. Nothing is written for empty handshake, alert or change_cipher_spec
     * content; empty application_data content gives one empty record.
     *
     * @throws IllegalArgumentException when the type is null or heartbeat, or the range is invalid
     * @throws io.siotls.alerts.InternalErrorAlert when the sequence number is exhausted
     */
    public void write(ContentType type, byte[] data, int off, int len) {
        Arguments.requireRecordType(type);
        Arguments.checkRange(data, off, len);
        if (len == 0 && type != ContentType.APPLICATION_DATA) {
            return;
        }
        ByteBuffer src = ByteBuffer.wrap(data, off, len);
        do {
            reserveOutput(roomFor(type, src.remaining()));
            outputView.limit(output.length).position(outputEnd);
            seal(type, src, outputView);
            outputEnd = outputView.position();
        } while (src.hasRemaining());
    }

    /** Same as {@code write(type, data, 0, data.length)}. */
    public void write(ContentType type, byte[] data) {
        Arguments.requireNonNull(data, "data");
        write(type, data, 0, data.length);
    }

    /** Number of record bytes waiting to be sent. */
    public int pending() {
        return outputEnd - outputStart;
    }

    /** All the record bytes waiting to be sent; the output buffer is empty afterwards. */
    public byte[] drain() {
        byte[] bytes = Arrays.copyOfRange(output, outputStart, outputEnd);
        outputStart = 0;
        outputEnd = 0;
        return bytes;
    }

    /**
     * Gives back the output buffer once it is empty: for the SSLEngine path, where only handshake
     * flights, alerts and key updates pass through it, so that an idle connection keeps no buffer.
     */
    public void trimOutput() {
        if (outputStart == outputEnd) {
            emptied();
        }
    }

    private void emptied() {
        outputStart = 0;
        outputEnd = 0;
        if (output.length > 0) {
            output = new byte[0];
            outputView = ByteBuffer.wrap(output);
        }
    }

    /**
     * Moves as many waiting record bytes as fit into {@code dst} (advancing its position); the
     * rest stays pending.
     *
     * @return the number of bytes moved
     */
    public int drainTo(ByteBuffer dst) {
        Arguments.requireNonNull(dst, "dst");
        int count = Math.min(pending(), dst.remaining());
        dst.put(output, outputStart, count);
        outputStart += count;
        if (outputStart == outputEnd) {
            emptied();
        }
        return count;
    }

    /**
     * Seals ONE record of type {@code type} from {@code src} (up to {@link #maxFragmentLength()}
     * bytes; padding only fills the room the content leaves under that limit) straight into {@code dst}, header and ciphertext,
     * advancing both positions.
     *
     * <p>Results: {@code OK} with the content bytes consumed and the record bytes produced;
     * {@code DST_TOO_SMALL} with {@link RecordResult#bytesNeeded()} the room this record needs
     * (nothing consumed nor written; {@link #maxRecordLength()} is always enough). Empty
     * handshake, alert and change_cipher_spec content gives {@code OK} with nothing produced;
     * empty application_data content gives one empty record.
     *
     * @return this writer's reused result object
     * @throws IllegalArgumentException when an argument is null, or the type is heartbeat
     * @throws io.siotls.alerts.InternalErrorAlert when the sequence number is exhausted
     */
    public RecordResult seal(ContentType type, ByteBuffer src, ByteBuffer dst) {
        Arguments.requireRecordType(type);
        Arguments.requireNonNull(src, "src");
        Arguments.requireNonNull(dst, "dst");
        int contentLength = Math.min(src.remaining(), maxFragmentLength);
        if (contentLength == 0 && type != ContentType.APPLICATION_DATA) {
            return result.ok(type, false, 0, 0);
        }
        boolean protect = protection != null && type != ContentType.CHANGE_CIPHER_SPEC;
        return protect
                ? sealProtected(type, src, dst, contentLength)
                : sealPlaintext(type, src, dst, contentLength);
    }

    /**
     * Seals ONE record of type {@code type} gathered from {@code length} buffers of {@code srcs}
     * starting at {@code offset}, in order, up to {@link #maxFragmentLength()} bytes: the
     * gathering {@code SSLEngine.wrap} (a host writing an HTTP/2 frame header and its payload as
     * two buffers gets one record, not two). When the first buffer with content holds the whole
     * record's content, it is sealed from that buffer without copying, as {@link #seal(ContentType,
     * ByteBuffer, ByteBuffer)}; otherwise the content is copied into a heap array kept for the next
     * records. Results as that method: the buffers' positions advance by what the record took,
     * and on {@code DST_TOO_SMALL} none of them moves.
     *
     * @return this writer's reused result object
     * @throws IllegalArgumentException when an argument or one of the buffers is null, the range is
     *         outside {@code srcs}, or the type is heartbeat
     * @throws io.siotls.alerts.InternalErrorAlert when the sequence number is exhausted
     */
    public RecordResult seal(ContentType type, ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) {
        Arguments.requireRecordType(type);
        Arguments.requireNonNull(srcs, "srcs");
        Arguments.requireNonNull(dst, "dst");
        if (offset < 0 || length < 0 || offset > srcs.length - length) {
            throw new IllegalArgumentException("offset " + offset + " and length " + length + " out of "
                    + srcs.length + " buffers");
        }
        ByteBuffer first = null;
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i] == null) {
                throw new IllegalArgumentException("srcs[" + i + "] must not be null");
            }
            if (first == null && srcs[i].hasRemaining()) {
                first = srcs[i];
            }
            total += srcs[i].remaining();
        }
        int contentLength = (int) Math.min(total, maxFragmentLength);
        if (first == null || first.remaining() >= contentLength) {
            return seal(type, first == null ? EMPTY : first, dst);
        }
        ByteBuffer gathered = gathered(srcs, offset, length, contentLength);
        RecordResult sealed = seal(type, gathered, dst);
        if (sealed.status() == RecordResult.Status.OK) {
            advance(srcs, offset, length, sealed.bytesConsumed());
        }
        return sealed;
    }

    /** The next {@code count} bytes of the buffers, copied without moving their positions. */
    private ByteBuffer gathered(ByteBuffer[] srcs, int offset, int length, int count) {
        if (staging.length < count) {
            staging = new byte[Math.max(count, Math.min(2 * staging.length, RecordLimits.MAX_PLAINTEXT_LENGTH))];
            stagingView = ByteBuffer.wrap(staging);
        }
        int at = 0;
        for (int i = offset; i < offset + length && at < count; i++) {
            int n = Math.min(srcs[i].remaining(), count - at);
            srcs[i].get(srcs[i].position(), staging, at, n);
            at += n;
        }
        return stagingView.limit(count).position(0);
    }

    private static void advance(ByteBuffer[] srcs, int offset, int length, int consumed) {
        int left = consumed;
        for (int i = offset; i < offset + length && left > 0; i++) {
            int n = Math.min(srcs[i].remaining(), left);
            srcs[i].position(srcs[i].position() + n);
            left -= n;
        }
    }

    private RecordResult sealPlaintext(ContentType type, ByteBuffer src, ByteBuffer dst, int contentLength) {
        int recordLength = RecordLimits.HEADER_LENGTH + contentLength;
        if (dst.remaining() < recordLength) {
            return result.dstTooSmall(recordLength);
        }
        dst.put((byte) type.code())
                .putShort((short) legacyRecordVersion)
                .putShort((short) contentLength);
        int srcLimit = src.limit();
        src.limit(src.position() + contentLength);
        dst.put(src);
        src.limit(srcLimit);
        return result.ok(type, false, contentLength, recordLength);
    }

    private RecordResult sealProtected(ContentType type, ByteBuffer src, ByteBuffer dst, int contentLength) {
        protection.checkNotExhausted();
        int maxPadding = maxFragmentLength - contentLength;
        int padding = Math.max(0, Math.min(maxPadding,
                paddingPolicy.paddingLength(type, contentLength, maxPadding)));
        int innerLength = contentLength + 1 + padding;
        int recordLength = RecordLimits.HEADER_LENGTH + innerLength + protection.tagLength();
        if (dst.remaining() < recordLength) {
            return result.dstTooSmall(recordLength);
        }
        ByteBuffer typeAndPadding = trailer(type, padding);
        if (src.isDirect()) {
            int written = protection.seal(staged(src, contentLength), typeAndPadding, dst);
            return result.ok(type, true, contentLength, written);
        }
        int srcLimit = src.limit();
        src.limit(src.position() + contentLength);
        try {
            int written = protection.seal(src, typeAndPadding, dst);
            return result.ok(type, true, contentLength, written);
        } finally {
            src.limit(srcLimit);
        }
    }

    /**
     * {@code length} bytes of a direct {@code src} copied into a heap buffer kept for the next
     * records: JCA's AES-GCM allocates on every call given a direct buffer, not given an array.
     */
    private ByteBuffer staged(ByteBuffer src, int length) {
        if (staging.length < length) {
            staging = new byte[length];
            stagingView = ByteBuffer.wrap(staging);
        }
        src.get(staging, 0, length);
        return stagingView.limit(length).position(0);
    }

    /**
     * The end of a TLSInnerPlaintext (RFC 8446 §5.2): the real content type, then {@code padding}
     * zeros. The content itself is sealed from the caller's buffer, never copied.
     */
    private ByteBuffer trailer(ContentType type, int padding) {
        if (trailer.length < 1 + padding) {
            trailer = new byte[1 + padding];
            trailerView = ByteBuffer.wrap(trailer);
        }
        trailer[0] = (byte) type.code();
        Arrays.fill(trailer, 1, 1 + padding, (byte) 0);
        return trailerView.limit(1 + padding).position(0);
    }

    private void reserveOutput(int room) {
        if (output.length - outputEnd >= room) {
            return;
        }
        int pending = pending();
        byte[] target = output.length - pending >= room
                ? output
                : new byte[Math.max(Math.max(output.length * 2, INITIAL_OUTPUT_CAPACITY), pending + room)];
        System.arraycopy(output, outputStart, target, 0, pending);
        if (target != output) {
            output = target;
            outputView = ByteBuffer.wrap(output);
        }
        outputStart = 0;
        outputEnd = pending;
    }
}
