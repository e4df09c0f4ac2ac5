package io.siotls.record;

import io.siotls.alerts.DecodeError;
import io.siotls.alerts.IllegalParameter;
import java.util.Arrays;

/**
 * Rebuilds handshake messages from the content of handshake records (RFC 8446 §5.1, §4): a message
 * may span several records and a record may hold several messages.
 *
 * <p>Lengths are checked as soon as a message header is in, before its body is buffered, as
 * OpenSSL and BoringSSL do: a declared body longer than the message's wire format allows is a
 * {@code decode_error}; one longer than {@link #maxMessageLength()} (65536 bytes by default,
 * enough for any certificate chain seen in practice; raise it for larger ones) is refused with
 * {@code illegal_parameter}, except for a ClientHello, whose every legal size (up to 131,396
 * bytes) is accepted so that no legal client is turned away. The connection uses
 * {@link #hasPartialMessage()} to enforce that handshake messages do not span key changes
 * (RFC 8446 §5.1). Not thread-safe.
 */
public final class HandshakeReassembler {

    /** The default largest body length accepted. */
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 65536;

    private static final byte[] EMPTY = new byte[0];

    private final int maxMessageLength;
    /** Given back whenever every message was taken, so that an idle connection keeps no buffer. */
    private byte[] buffer = EMPTY;
    private int start;
    private int end;

    /** A reassembler accepting bodies of up to {@link #DEFAULT_MAX_MESSAGE_LENGTH} bytes. */
    public HandshakeReassembler() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    /**
     * A reassembler accepting bodies of up to {@code maxMessageLength} bytes.
     *
     * @throws IllegalArgumentException when negative or above the uint24 range
     */
    public HandshakeReassembler(int maxMessageLength) {
        if (maxMessageLength < 0 || maxMessageLength > 0xffffff) {
            throw new IllegalArgumentException("max handshake message length must be within [0, 2^24-1], got "
                    + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    /** The largest body length accepted. */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /**
     * Appends a copy of the content of one handshake record.
     *
     * @throws IllegalParameter when a message header now complete declares a body longer than
     *     {@link #maxMessageLength()}
     * @throws IllegalArgumentException when the range is invalid
     */
    public void add(byte[] fragment, int off, int len) {
        Arguments.checkRange(fragment, off, len);
        reserve(len);
        System.arraycopy(fragment, off, buffer, end, len);
        end += len;
        endOfCompleteMessages();
    }

    /** Same as {@code add(fragment, 0, fragment.length)}. */
    public void add(byte[] fragment) {
        Arguments.requireNonNull(fragment, "fragment");
        add(fragment, 0, fragment.length);
    }

    /** The next complete message, or null when none is complete yet. */
    public EncodedHandshakeMessage next() {
        if (end - start < EncodedHandshakeMessage.HEADER_LENGTH) {
            return null;
        }
        int total = EncodedHandshakeMessage.HEADER_LENGTH + bodyLength(start);
        if (end - start < total) {
            return null;
        }
        byte[] message = Arrays.copyOfRange(buffer, start, start + total);
        start += total;
        if (start == end) {
            start = 0;
            end = 0;
            buffer = EMPTY;
        }
        return new EncodedHandshakeMessage(message);
    }

    /**
     * Whether bytes are buffered that do not form a complete message yet. At a key change this
     * must be false (RFC 8446 §5.1), else the connection raises {@code unexpected_message}.
     */
    public boolean hasPartialMessage() {
        return endOfCompleteMessages() < end;
    }

    /** Whether nothing is buffered: no complete message waiting and no partial one. */
    public boolean isEmpty() {
        return start == end;
    }

    /** Walks the buffered headers, checking each declared length; returns where complete messages end. */
    private int endOfCompleteMessages() {
        int position = start;
        while (end - position >= EncodedHandshakeMessage.HEADER_LENGTH) {
            int type = buffer[position] & 0xff;
            int bodyLength = bodyLength(position);
            int wireMaximum = HandshakeBodyBounds.of(type);
            if (bodyLength > wireMaximum) {
                throw new DecodeError("handshake message type " + type + " declares " + bodyLength
                        + " bytes, more than its format allows (" + wireMaximum + ")");
            }
            if (bodyLength > maxMessageLength && !HandshakeBodyBounds.isClientHello(type)) {
                throw new IllegalParameter("handshake message type " + type + " declares "
                        + bodyLength + " bytes, more than the " + maxMessageLength + " accepted");
            }
            if (end - position - EncodedHandshakeMessage.HEADER_LENGTH < bodyLength) {
                break;
            }
            position += EncodedHandshakeMessage.HEADER_LENGTH + bodyLength;
        }
        return position;
    }

    private int bodyLength(int position) {
        return (buffer[position + 1] & 0xff) << 16 | (buffer[position + 2] & 0xff) << 8 | (buffer[position + 3] & 0xff);
    }

    private void reserve(int room) {
        if (buffer.length - end >= room) {
            return;
        }
        int buffered = end - start;
        byte[] target = buffer.length - buffered >= room
                ? buffer
                : new byte[Math.max(buffer.length * 2, buffered + room)];
        System.arraycopy(buffer, start, target, 0, buffered);
        buffer = target;
        start = 0;
        end = buffered;
    }
}
