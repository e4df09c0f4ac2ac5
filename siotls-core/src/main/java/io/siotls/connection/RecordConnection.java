package io.siotls.connection;

import io.siotls.ConnectionOptions;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.TLSAlertException;
import io.siotls.handshake.Entropy;
import io.siotls.iana.ContentType;
import io.siotls.record.RecordHeader;
import io.siotls.record.RecordLimits;
import io.siotls.record.RecordResult;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * One TLS 1.3 connection driven one record per call, the unit of work of a JSSE
 * {@code SSLEngine}: {@link #wrap} seals application data from the caller's buffer straight into
 * the caller's network buffer, {@link #unwrap} opens a record straight into the caller's
 * application buffer, neither copying the content. {@link TLSConnection} is the same connection
 * fed with bytes in chunks of any size.
 *
 * <p>A fatal error raises the {@link TLSAlertException} subclass of its alert, after queueing that
 * alert for the next {@link #wrap}; the connection is then closed (RFC 8446 §6.2). Not thread-safe.
 */
public final class RecordConnection extends ConnectionCore {

    /** The smallest scratch buffer: room for any record of a typical handshake but the Certificate. */
    private static final int MIN_SCRATCH_CAPACITY = 512;

    /** Where handshake records are opened; released once the handshake is complete. */
    private ByteBuffer scratch;

    /** As {@link TLSConnection#TLSConnection(TLSConfiguration)}. */
    public RecordConnection(TLSConfiguration config) {
        this(config, ConnectionOptions.none());
    }

    /** As {@link TLSConnection#TLSConnection(TLSConfiguration, String)}. */
    public RecordConnection(TLSConfiguration config, String serverHostname) {
        this(config, ConnectionOptions.forHost(serverHostname));
    }

    /** As {@link TLSConnection#TLSConnection(TLSConfiguration, ConnectionOptions)}. */
    public RecordConnection(TLSConfiguration config, ConnectionOptions options) {
        super(config, options, Entropy.secure(), Clock.systemUTC(), UnaryOperator.identity());
    }

    /**
     * Opens exactly one record from {@code src} (which must start at a record boundary): its
     * application data goes straight into {@code dst}; handshake messages and alerts are handled
     * (use {@link #hasDataToSend} afterwards).
     *
     * @throws TLSAlertException for a bad record (RFC 8446 §5) or a fatal alert received, after
     *         queueing the alert to send
     */
    public RecordStep unwrap(ByteBuffer src, ByteBuffer dst) {
        requireStarted();
        if (!isReceivingOpen()) {
            return RecordStep.closed();
        }
        return receiving(() -> isHandshakeComplete() ? unwrapInto(src, dst) : unwrapHandshakeRecord(src));
    }

    /**
     * During the handshake no application data may arrive: records are opened into a scratch
     * buffer as large as the biggest record seen, released once the handshake is complete so that
     * idle connections do not keep it.
     */
    private RecordStep unwrapHandshakeRecord(ByteBuffer src) {
        int room = RecordHeader.isAvailable(src, src.position())
                ? Math.min(RecordHeader.length(src, src.position()), RecordLimits.MAX_CIPHERTEXT_LENGTH)
                : 0;
        if (scratch == null || scratch.capacity() < room) {
            scratch = ByteBuffer.allocate(Math.max(room, MIN_SCRATCH_CAPACITY));
        }
        scratch.clear();
        RecordResult opened = reader.open(src, scratch);
        if (opened.status() == RecordResult.Status.NEED_MORE_INPUT) {
            return RecordStep.needMoreInput(opened.bytesNeeded());
        }
        if (opened.status() == RecordResult.Status.SKIPPED) {
            return RecordStep.ok(opened.bytesConsumed(), 0);
        }
        if (opened.type() == ContentType.APPLICATION_DATA) {
            acceptApplicationData(opened.bytesProduced());
        }
        onControlRecord(opened.type(), Arrays.copyOf(scratch.array(), opened.bytesProduced()), opened.wasProtected());
        if (isHandshakeComplete()) {
            scratch = null;
        }
        return RecordStep.ok(opened.bytesConsumed(), 0);
    }

    /** Once connected, a record is opened straight into the caller's buffer. */
    private RecordStep unwrapInto(ByteBuffer src, ByteBuffer dst) {
        int start = dst.position();
        RecordResult opened = reader.open(src, dst);
        switch (opened.status()) {
            case NEED_MORE_INPUT -> {
                return RecordStep.needMoreInput(opened.bytesNeeded());
            }
            case DST_TOO_SMALL -> {
                return RecordStep.bufferTooSmall(opened.bytesNeeded());
            }
            case SKIPPED -> {
                return RecordStep.ok(opened.bytesConsumed(), 0);
            }
            default -> {
            }
        }
        if (opened.type() == ContentType.APPLICATION_DATA) {
            try {
                acceptApplicationData(opened.bytesProduced());
            } catch (RuntimeException e) {
                wipe(dst, start);
                throw e;
            }
            return RecordStep.ok(opened.bytesConsumed(), opened.bytesProduced());
        }
        byte[] fragment = new byte[opened.bytesProduced()];
        dst.get(start, fragment);
        wipe(dst, start);
        onControlRecord(opened.type(), fragment, opened.wasProtected());
        return RecordStep.ok(opened.bytesConsumed(), 0);
    }

    private static void wipe(ByteBuffer dst, int start) {
        for (int i = start; i < dst.position(); i++) {
            dst.put(i, (byte) 0);
        }
        dst.position(start);
    }

    /**
     * Writes into {@code dst} the whole records waiting to be sent (handshake, alerts), or else
     * seals one record of application data from {@code src} straight into {@code dst}
     * (RFC 8446 §5.2); a record is never split across calls.
     */
    public RecordStep wrap(ByteBuffer src, ByteBuffer dst) {
        return wrap(new ByteBuffer[] {src}, 0, 1, dst);
    }

    /**
     * As {@link #wrap(ByteBuffer, ByteBuffer)}, the record's application data gathered from
     * {@code length} buffers of {@code srcs} starting at {@code offset}, in order: one record per
     * call however the content is split, as a gathering {@code SSLEngine.wrap} does.
     */
    public RecordStep wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) {
        requireStarted();
        PendingRecords outgoing = outgoing();
        writer.trimOutput();
        if (outgoing.size() > 0) {
            int moved = outgoing.moveWholeRecords(dst);
            return moved == 0 ? RecordStep.bufferTooSmall(outgoing.nextRecordLength()) : RecordStep.ok(0, moved);
        }
        if (isSendingClosed()) {
            return RecordStep.closed();
        }
        if (!isSendingOpen() || !hasRemaining(srcs, offset, length)) {
            return RecordStep.ok(0, 0);
        }
        RecordResult sealed = writer.seal(ContentType.APPLICATION_DATA, srcs, offset, length, dst);
        if (sealed.status() == RecordResult.Status.DST_TOO_SMALL) {
            return RecordStep.bufferTooSmall(sealed.bytesNeeded());
        }
        return RecordStep.ok(sealed.bytesConsumed(), sealed.bytesProduced());
    }

    private static boolean hasRemaining(ByteBuffer[] srcs, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    @Override
    void discardReceived(boolean ownError) {
        scratch = null;
    }
}
