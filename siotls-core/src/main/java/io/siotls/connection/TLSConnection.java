package io.siotls.connection;

import io.siotls.TLSConfiguration;
import io.siotls.ConnectionOptions;
import io.siotls.Side;
import io.siotls.TLSNegotiatedConfiguration;

import io.siotls.alerts.HandshakeClosedByPeer;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.TLSException;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.alerts.UserCanceled;
import io.siotls.handshake.ClientHandshake;
import io.siotls.handshake.ConnectionPolicy;
import io.siotls.handshake.Entropy;
import io.siotls.handshake.Handshake;
import io.siotls.handshake.ServerHandshake;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.AlertLevel;
import io.siotls.iana.ContentType;
import io.siotls.iana.HandshakeType;
import io.siotls.keylog.KeyLog;
import io.siotls.messages.ClientHello;
import io.siotls.record.AlertRecord;
import io.siotls.record.EncodedHandshakeMessage;
import io.siotls.record.HandshakeReassembler;
import io.siotls.record.Record;
import io.siotls.record.RecordLimits;
import io.siotls.record.RecordReader;
import io.siotls.record.RecordResult;
import io.siotls.record.RecordWriter;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One TLS 1.3 connection, Sans-IO: it never touches a socket. The caller feeds the bytes it
 * received with {@link #receiveData}, sends what {@link #dataToSend} returns, reads decrypted
 * application data with {@link #dataToRead} and encrypts its own with {@link #sendData}.
 *
 * <pre>{@code
 * TLSConnection conn = new TLSConnection(clientConfig, "example.com");
 * conn.initiateConnection();
 * out.write(conn.dataToSend());
 * while (!conn.isPostHandshake()) {
 *     try {
 *         conn.receiveData(readSome());
 *     } finally {
 *         out.write(conn.dataToSend());   // the alert, when receiveData failed
 *     }
 * }
 * }</pre>
 *
 * A fatal error raises the {@link TLSAlertException} subclass of its alert, after queueing that
 * alert in {@link #dataToSend}; the connection is then closed. Not thread-safe.
 */
public final class TLSConnection {

    private static final System.Logger INSECURE = System.getLogger("io.siotls.insecure");

    private enum Phase { NEW, HANDSHAKING, CONNECTED, FAILED }

    private final TLSConfiguration config;
    private final String serverHostname;
    private final RecordReader reader = new RecordReader();
    private final RecordWriter writer = new RecordWriter();
    private final HandshakeReassembler reassembler;
    private final ByteQueue applicationData = new ByteQueue();
    private final ReceiveLimits limits;
    private final PendingRecords outgoing = new PendingRecords();
    private ByteBuffer scratch;
    private final RecordChannel channel;
    private final Handshake handshake;
    private final Clock clock;
    private Instant handshakeStart;
    private Phase phase = Phase.NEW;
    private boolean sendingOpen = true;
    private boolean receivingOpen = true;
    private boolean closeNotifyReceived;
    private boolean userCanceledReceived;

    /** A server connection, or a client connection that neither sends SNI nor checks a host name. */
    public TLSConnection(TLSConfiguration config) {
        this(config, ConnectionOptions.none());
    }

    /**
     * A connection; client-side, {@code serverHostname} is sent with SNI (unless it is an IP
     * literal) and checked against the server's certificate.
     */
    public TLSConnection(TLSConfiguration config, String serverHostname) {
        this(config, ConnectionOptions.forHost(serverHostname));
    }

    /** A connection with per-connection names and integration hooks. */
    public TLSConnection(TLSConfiguration config, ConnectionOptions options) {
        this(config, options, Entropy.secure(), Clock.systemUTC(), UnaryOperator.identity());
    }

    /** For tests that replay published traces: fixed entropy, clock and ClientHello. */
    TLSConnection(TLSConfiguration config, String serverHostname, Entropy entropy, Clock clock,
            UnaryOperator<ClientHello> helloOverride) {
        this(config, ConnectionOptions.forHost(serverHostname), entropy, clock, helloOverride);
    }

    private TLSConnection(TLSConfiguration config, ConnectionOptions options, Entropy entropy, Clock clock,
            UnaryOperator<ClientHello> helloOverride) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        String serverHostname = options.serverName() != null ? options.serverName() : options.verificationHostname();
        if (config.side() == Side.SERVER && serverHostname != null) {
            throw new IllegalArgumentException("serverHostname is a client-side parameter");
        }
        this.serverHostname = serverHostname;
        this.clock = clock;
        this.reassembler = new HandshakeReassembler(config.limits().maxHandshakeMessageLength());
        this.limits = new ReceiveLimits(config.limits());
        this.channel = new RecordChannel(config.side() == Side.CLIENT, writer, reader, reassembler,
                config.logKeys() ? KeyLog.to(config.keyLogFile()) : null, config.crypto());
        ConnectionPolicy policy = new ConnectionPolicy(config, options);
        this.handshake = config.side() == Side.CLIENT
                ? new ClientHandshake(policy, entropy, channel, clock, helloOverride)
                : new ServerHandshake(policy, entropy, channel, clock);
        writer.setMaxFragmentLength(options.maxRecordPlaintext());
        if (config.insecureNoPeerVerification()) {
            warnInsecure(serverHostname);
        }
    }

    public TLSConfiguration config() {
        return config;
    }

    /** The host name given client-side, or {@code null}. */
    public String serverHostname() {
        return serverHostname;
    }

    /** Starts the handshake: a client queues its ClientHello, a server gets ready for one. */
    public void initiateConnection() {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("initiateConnection() was already called");
        }
        phase = Phase.HANDSHAKING;
        handshakeStart = clock.instant();
        guarded(() -> {
            handshake.start();
            channel.flush();
        });
    }

    /** Processes bytes received from the peer. */
    public void receiveData(byte[] data) {
        receiveData(data, 0, data.length);
    }

    /** Processes {@code len} bytes of {@code data} received from the peer. */
    public void receiveData(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        requireStarted();
        if (phase == Phase.FAILED || !receivingOpen) {
            throw new IllegalStateException("the receiving end of this connection is closed");
        }
        guarded(() -> {
            requireWithinHandshakeDuration();
            reader.feed(data, off, len);
            processRecords();
        });
    }

    /** Processes the bytes from {@code src}'s position to its limit; they are all consumed. */
    public void receiveData(ByteBuffer src) {
        byte[] copy = new byte[src.remaining()];
        src.get(copy);
        receiveData(copy, 0, copy.length);
    }

    private void processRecords() {
        Record record;
        while (receivingOpen && phase != Phase.FAILED && (record = reader.next()) != null) {
            if (record.type() == ContentType.APPLICATION_DATA) {
                acceptApplicationData(record.length());
                requireRoomForApplicationData(record.length());
                applicationData.append(record.fragment(), 0, record.length());
            } else {
                onControlRecord(record.type(), record.fragment(), record.wasProtected());
            }
        }
        channel.flush();
    }

    /** A record that is not application data: handshake, alert or change_cipher_spec. */
    private void onControlRecord(ContentType type, byte[] fragment, boolean wasProtected) {
        switch (type) {
            case HANDSHAKE -> onHandshakeRecord(fragment, wasProtected);
            case ALERT -> onAlert(fragment, wasProtected);
            case CHANGE_CIPHER_SPEC -> onChangeCipherSpec(fragment, wasProtected);
            default -> throw new UnexpectedMessage("unexpected " + type.ianaName() + " record");
        }
    }

    private void onHandshakeRecord(byte[] fragment, boolean wasProtected) {
        if (wasProtected != channel.readProtected()) {
            throw new UnexpectedMessage("an unprotected handshake record after the keys changed");
        }
        reassembler.add(fragment);
        EncodedHandshakeMessage message;
        while ((message = reassembler.next()) != null) {
            if (handshake.isComplete() && message.type() == HandshakeType.KEY_UPDATE.code()) {
                limits.keyUpdate();
            } else {
                limits.progress();
            }
            handshake.receive(message.type(), message.bytes());
            if (handshake.isComplete() && phase == Phase.HANDSHAKING) {
                phase = Phase.CONNECTED;
            }
        }
    }

    /**
     * A handshake that has gone on longer than limits.max_handshake_duration is abandoned when the
     * peer's next bytes arrive (RFC 8446 §6.1: user_canceled, then close_notify).
     */
    private void requireWithinHandshakeDuration() {
        if (handshake.isComplete() || handshakeStart == null) {
            return;
        }
        Duration max = config.limits().maxHandshakeDuration();
        if (Duration.between(handshakeStart, clock.instant()).compareTo(max) > 0) {
            throw new UserCanceled("the handshake took longer than limits.max_handshake_duration (" + max + ")");
        }
    }

    /**
     * The decrypted data an application leaves unread is bounded (limits.max_buffered_application_data):
     * past it this side cannot go on, internal_error (RFC 8446 §6.2).
     */
    private void requireRoomForApplicationData(int length) {
        int max = config.limits().maxBufferedApplicationData();
        if ((long) applicationData.size() + length > max) {
            throw new InternalErrorAlert("the application left more than " + max + " bytes of received data unread"
                    + " (limits.max_buffered_application_data)");
        }
    }

    /** Checks that an application_data record of {@code length} bytes may arrive now. */
    private void acceptApplicationData(int length) {
        if (!handshake.isComplete() || reassembler.hasPartialMessage()) {
            throw new UnexpectedMessage("application data before the handshake completed");
        }
        if (length == 0) {
            limits.emptyRecord("empty application_data");
        } else {
            limits.progress();
        }
    }

    /**
     * RFC 8446 §6: close_notify closes the receiving end, user_canceled is ignored, the rest is
     * fatal. During the handshake an unprotected alert is accepted: the peer may fail before it
     * switched to the handshake keys.
     */
    private void onAlert(byte[] fragment, boolean wasProtected) {
        if (!wasProtected && channel.readProtected() && handshake.isComplete()) {
            throw new UnexpectedMessage("an unprotected alert record after the handshake");
        }
        AlertRecord alert = AlertRecord.parse(fragment);
        AlertDescription description = alert.knownDescription();
        if (description == AlertDescription.CLOSE_NOTIFY) {
            closeNotifyReceived = true;
            receivingOpen = false;
            if (!handshake.isComplete()) {
                throw new HandshakeClosedByPeer(userCanceledReceived
                        ? "the peer canceled the handshake: user_canceled, then close_notify before the handshake completed"
                        : "the peer sent close_notify before the handshake completed");
            }
            return;
        }
        if (description == AlertDescription.USER_CANCELED) {
            limits.warningAlert();
            userCanceledReceived = true;
            return;
        }
        phase = Phase.FAILED;
        receivingOpen = false;
        sendingOpen = false;
        if (description == null) {
            throw new TLSException("received unknown fatal alert " + alert.description());
        }
        throw TLSAlertException.of(description, null, true, null);
    }

    /** RFC 8446 §5: one unprotected 0x01 byte during the handshake is dropped, anything else is fatal. */
    private void onChangeCipherSpec(byte[] fragment, boolean wasProtected) {
        if (!handshake.acceptsChangeCipherSpec()) {
            throw new UnexpectedMessage("change_cipher_spec received outside the handshake");
        }
        if (wasProtected || fragment.length != 1 || fragment[0] != 1) {
            throw new UnexpectedMessage("invalid change_cipher_spec record");
        }
        limits.changeCipherSpec();
    }

    /** All the bytes to send to the peer, then empty. */
    public byte[] dataToSend() {
        outgoing.append(writer.drain());
        return outgoing.takeAll();
    }

    /** Moves as many bytes to send as fit into {@code dst}; returns how many. */
    public int dataToSend(ByteBuffer dst) {
        outgoing.append(writer.drain());
        int moved = outgoing.moveWholeRecords(dst);
        if (moved == 0 && outgoing.size() > 0 && dst.hasRemaining()) {
            byte[] all = outgoing.takeAll();
            int count = Math.min(all.length, dst.remaining());
            dst.put(all, 0, count);
            outgoing.append(Arrays.copyOfRange(all, count, all.length));
            return count;
        }
        return moved;
    }

    /** Whether there are bytes waiting in {@link #dataToSend} (or for {@link #wrap}). */
    public boolean hasDataToSend() {
        return writer.pending() > 0 || outgoing.size() > 0;
    }

    /** Whether the handshake completed: both sides' application traffic keys are in use. */
    public boolean isHandshakeComplete() {
        return handshake.isComplete();
    }

    /**
     * Opens exactly one record from {@code src} (which must start at a record boundary): its
     * application data goes straight into {@code dst}; handshake messages and alerts are handled
     * (use {@link #hasDataToSend} afterwards). Meant for a JSSE {@code SSLEngine}; do not mix with
     * {@link #receiveData} on one connection.
     *
     * @throws TLSAlertException as {@link #receiveData} does, after queueing the alert to send
     */
    public RecordStep unwrap(ByteBuffer src, ByteBuffer dst) {
        requireStarted();
        if (phase == Phase.FAILED || !receivingOpen) {
            return RecordStep.closed();
        }
        return guardedStep(() -> {
            requireWithinHandshakeDuration();
            RecordStep step = handshake.isComplete() ? unwrapInto(src, dst) : unwrapHandshakeRecord(src);
            channel.flush();
            return step;
        });
    }

    /**
     * During the handshake no application data may arrive: records are opened into a scratch
     * buffer, released once the handshake is complete so that idle connections do not keep it.
     */
    private RecordStep unwrapHandshakeRecord(ByteBuffer src) {
        if (scratch == null) {
            scratch = ByteBuffer.allocate(RecordLimits.MAX_CIPHERTEXT_LENGTH);
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
        if (handshake.isComplete()) {
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
     * seals one record of application data from {@code src} straight into {@code dst}. Meant for
     * a JSSE {@code SSLEngine}.
     */
    public RecordStep wrap(ByteBuffer src, ByteBuffer dst) {
        requireStarted();
        outgoing.append(writer.drain());
        writer.trimOutput();
        if (outgoing.size() > 0) {
            int moved = outgoing.moveWholeRecords(dst);
            return moved == 0 ? RecordStep.bufferTooSmall(outgoing.nextRecordLength()) : RecordStep.ok(0, moved);
        }
        if (!sendingOpen || phase == Phase.FAILED) {
            return RecordStep.closed();
        }
        if (phase != Phase.CONNECTED || !src.hasRemaining()) {
            return RecordStep.ok(0, 0);
        }
        RecordResult sealed = writer.seal(ContentType.APPLICATION_DATA, src, dst);
        if (sealed.status() == RecordResult.Status.DST_TOO_SMALL) {
            return RecordStep.bufferTooSmall(sealed.bytesNeeded());
        }
        return RecordStep.ok(sealed.bytesConsumed(), sealed.bytesProduced());
    }

    /** All the decrypted application data received and not read yet, then empty. */
    public byte[] dataToRead() {
        return applicationData.takeAll();
    }

    /** Moves as much decrypted application data as fits into {@code dst}; returns how many bytes. */
    public int dataToRead(ByteBuffer dst) {
        return applicationData.takeInto(dst);
    }

    /** How many bytes {@link #dataToRead()} would return. */
    public int dataToReadLength() {
        return applicationData.size();
    }

    /** Encrypts application data for the peer; only once connected. */
    public void sendData(byte[] data) {
        sendData(data, 0, data.length);
    }

    /** Encrypts {@code len} bytes of {@code data} for the peer; only once connected. */
    public void sendData(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        requireCanSend();
        writer.write(ContentType.APPLICATION_DATA, data, off, len);
    }

    /** Encrypts the bytes from {@code src}'s position to its limit; they are all consumed. */
    public void sendData(ByteBuffer src) {
        byte[] copy = new byte[src.remaining()];
        src.get(copy);
        sendData(copy, 0, copy.length);
    }

    /** Sends a KeyUpdate (RFC 8446 §4.6.3), asking the peer to update its keys too when told so. */
    public void updateKeys(boolean requestPeerUpdate) {
        requireCanSend();
        guarded(() -> {
            handshake.updateWriteKeys(requestPeerUpdate);
            channel.flush();
        });
    }

    private void requireCanSend() {
        if (phase != Phase.CONNECTED || !sendingOpen) {
            throw new IllegalStateException(phase == Phase.CONNECTED
                    ? "the sending end of this connection is closed"
                    : "the connection is not established (" + phase.name().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** Sends close_notify (RFC 8446 §6.1): nothing more will be sent. Idempotent. */
    public void closeSendingEnd() {
        if (!sendingOpen || phase == Phase.FAILED) {
            sendingOpen = false;
            return;
        }
        sendingOpen = false;
        if (phase == Phase.NEW) {
            return;
        }
        channel.flush();
        writer.write(ContentType.ALERT, AlertRecord.of(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY).toBytes());
        if (phase == Phase.HANDSHAKING) {
            phase = Phase.FAILED;
        }
    }

    /**
     * The transport's receiving end reached its end (the peer closed the socket). During the
     * handshake the connection fails; see {@link #isTruncated()} for data that may be cut short.
     */
    public void closeReceivingEnd() {
        receivingOpen = false;
        if (phase == Phase.HANDSHAKING || phase == Phase.NEW) {
            phase = Phase.FAILED;
        }
    }

    /** Whether the receiving end closed without the peer's close_notify: data may be cut short. */
    public boolean isTruncated() {
        return !receivingOpen && !closeNotifyReceived && phase != Phase.FAILED;
    }

    /** Whether this side closed its sending end (close_notify queued or sent) or failed. */
    public boolean isSendingClosed() {
        return !sendingOpen || phase == Phase.FAILED;
    }

    /** Whether the peer's close_notify was received. */
    public boolean isCloseNotifyReceived() {
        return closeNotifyReceived;
    }

    /** Whether the connection failed with a fatal alert, sent or received. */
    public boolean isFailed() {
        return phase == Phase.FAILED && !closeNotifyReceived;
    }

    /** Whether the handshake is over: completed, or failed, or the connection was closed. */
    public boolean isPostHandshake() {
        return phase == Phase.CONNECTED || phase == Phase.FAILED;
    }

    /** Whether the handshake completed and both directions are still open. */
    public boolean isConnected() {
        return phase == Phase.CONNECTED && sendingOpen && receivingOpen;
    }

    /** Whether application data may still be sent. */
    public boolean isSendingOpen() {
        return phase == Phase.CONNECTED && sendingOpen;
    }

    /** Whether application data may still arrive. */
    public boolean isReceivingOpen() {
        return phase != Phase.FAILED && receivingOpen;
    }

    /** What was negotiated, or {@code null} until the handshake completed. */
    public TLSNegotiatedConfiguration nconfig() {
        return handshake.negotiated();
    }

    private void requireStarted() {
        if (phase == Phase.NEW) {
            throw new IllegalStateException("initiateConnection() must be called first");
        }
    }

    private void guarded(Runnable step) {
        guardedStep(() -> {
            step.run();
            return null;
        });
    }

    /** Runs {@code step}; on a fatal error, queues the alert (when ours), closes, and rethrows. */
    private <T> T guardedStep(Supplier<T> step) {
        try {
            return step.get();
        } catch (UserCanceled e) {
            if (!e.isRemote()) {
                cancel();
            }
            throw e;
        } catch (HandshakeClosedByPeer e) {
            closeAfterPeer();
            throw e;
        } catch (TLSAlertException e) {
            fail(e.isRemote() ? null : e.description());
            throw e;
        } catch (TLSException e) {
            fail(AlertDescription.INTERNAL_ERROR);
            throw e;
        } catch (RuntimeException e) {
            fail(AlertDescription.INTERNAL_ERROR);
            throw new InternalErrorAlert("unexpected " + e.getClass().getSimpleName(), e);
        }
    }

    /** Abandons the handshake: user_canceled then close_notify, both warnings (RFC 8446 §6.1). */
    private void cancel() {
        applicationData.clear();
        endWithWarnings(AlertDescription.USER_CANCELED, AlertDescription.CLOSE_NOTIFY);
    }

    /**
     * The peer closed during the handshake: nothing more is read, and this side's close_notify
     * (RFC 8446 §6.1) replaces whatever of its flight was still to be sent.
     */
    private void closeAfterPeer() {
        endWithWarnings(AlertDescription.CLOSE_NOTIFY);
    }

    /** Ends the connection with no error alert: {@code warnings} replace what was still to be sent. */
    private void endWithWarnings(AlertDescription... warnings) {
        boolean couldSend = sendingOpen;
        fail(null);
        if (couldSend) {
            channel.discardPendingHandshake();
            for (AlertDescription warning : warnings) {
                writer.write(ContentType.ALERT, AlertRecord.of(AlertLevel.WARNING, warning).toBytes());
            }
        }
    }

    /**
     * Ends the connection after a fatal error: the alert (when this side raised it) is queued, and
     * what the connection held of the peer's bytes is dropped, so that a peer that pushed it past
     * a limit leaves nothing behind. Data received before the error is dropped only when this side
     * failed: after the peer's own alert, what it sent before stays readable.
     */
    private void fail(AlertDescription alert) {
        phase = Phase.FAILED;
        receivingOpen = false;
        reader.discard();
        scratch = null;
        if (alert != null) {
            applicationData.clear();
        }
        if (alert != null && sendingOpen) {
            channel.discardPendingHandshake();
            writer.write(ContentType.ALERT, AlertRecord.of(AlertLevel.FATAL, alert).toBytes());
        }
        sendingOpen = false;
    }

    /** Every connection made with {@code insecureNoPeerVerification} says so (the configuration's warning is not enough). */
    private static void warnInsecure(String serverHostname) {
        INSECURE.log(System.Logger.Level.WARNING, "INSECURE TLS connection to "
                + (serverHostname == null ? "an unnamed server" : serverHostname)
                + ": the server's certificate is not verified (insecureNoPeerVerification)");
    }
}
