package io.siotls.connection;

import io.siotls.ConnectionOptions;
import io.siotls.EarlyDataStatus;
import io.siotls.Side;
import io.siotls.TLSConfiguration;
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
import io.siotls.record.RecordReader;
import io.siotls.record.RecordWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The state machine both connection front ends share: phases, the handshake, what each kind of
 * record does (RFC 8446 §5), alerts and closure (RFC 8446 §6), KeyUpdate (RFC 8446 §4.6.3), and
 * the guard that turns any error into the alert to send. A subclass adds one way of moving bytes:
 * {@link TLSConnection} byte buffers, {@link RecordConnection} one record per call.
 *
 * <p>A sealed base rather than a component each front end holds: the lifecycle and state queries
 * are public on both and written once here, and the front ends read and write records through the
 * same reader and writer the machine switches keys on. Not thread-safe.
 */
abstract sealed class ConnectionCore permits TLSConnection, RecordConnection {

    private static final System.Logger INSECURE = System.getLogger("io.siotls.insecure");

    private enum Phase { NEW, HANDSHAKING, CONNECTED, FAILED }

    final RecordReader reader = new RecordReader();
    final RecordWriter writer = new RecordWriter();
    private final TLSConfiguration config;
    private final String serverHostname;
    private final HandshakeReassembler reassembler;
    private final ReceiveLimits limits;
    private final PendingRecords outgoing = new PendingRecords();
    private final RecordChannel channel;
    private final Handshake handshake;
    private final Clock clock;
    private final boolean resumable;
    private Instant handshakeStart;
    private Phase phase = Phase.NEW;
    private boolean sendingOpen = true;
    private boolean receivingOpen = true;
    private boolean closeNotifyReceived;
    private boolean userCanceledReceived;

    ConnectionCore(TLSConfiguration config, ConnectionOptions options, Entropy entropy, Clock clock,
            UnaryOperator<ClientHello> helloOverride) {
        this(config, options, entropy, clock, helloOverride, false);
    }

    /**
     * @param readsEarlyData whether this front end hands 0-RTT data to the application: only then
     *        does a server accept the early data its configuration allows (RFC 8446 §4.2.10)
     */
    ConnectionCore(TLSConfiguration config, ConnectionOptions options, Entropy entropy, Clock clock,
            UnaryOperator<ClientHello> helloOverride, boolean readsEarlyData) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        String serverHostname = options.serverName() != null ? options.serverName() : options.verificationHostname();
        if (config.side() == Side.SERVER && serverHostname != null) {
            throw new IllegalArgumentException("serverHostname is a client-side parameter");
        }
        if (config.side() == Side.SERVER && options.sessionCache() != null) {
            throw new IllegalArgumentException("a client session cache is a client-side option");
        }
        this.serverHostname = serverHostname;
        this.resumable = options.sessionCache() != null;
        this.clock = clock;
        this.reassembler = new HandshakeReassembler(config.limits().maxHandshakeMessageLength());
        this.limits = new ReceiveLimits(config.limits());
        this.channel = new RecordChannel(config.side() == Side.CLIENT, writer, reader, reassembler,
                config.logKeys() ? KeyLog.to(config.keyLogFile()) : null, config.crypto());
        ConnectionPolicy policy = new ConnectionPolicy(config, options);
        this.handshake = config.side() == Side.CLIENT
                ? new ClientHandshake(policy, entropy, channel, clock, helloOverride)
                : new ServerHandshake(policy, entropy, channel, clock, readsEarlyData ? config.maxEarlyData() : 0);
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

    /** Whether records wait to be sent: handshake messages, alerts, or data written. */
    public boolean hasDataToSend() {
        return writer.pending() > 0 || outgoing.size() > 0;
    }

    /** Whether the handshake completed: both sides' application traffic keys are in use. */
    public boolean isHandshakeComplete() {
        return handshake.isComplete();
    }

    /** Sends a KeyUpdate (RFC 8446 §4.6.3), asking the peer to update its keys too when told so. */
    public void updateKeys(boolean requestPeerUpdate) {
        requireCanSend();
        guarded(() -> {
            handshake.updateWriteKeys(requestPeerUpdate);
            channel.flush();
        });
    }

    /**
     * Server only: sends a CertificateRequest after the handshake, RFC 8446 §4.6.2, to a client
     * that offered post_handshake_auth (§4.2.6). The client's Certificate, CertificateVerify and
     * Finished are checked as they are received, application data flowing around them; once its
     * Finished verified, {@link #nconfig()} holds the client's chain. A bad answer fails the
     * connection with its alert: certificate_required (an empty Certificate when
     * {@code required}), illegal_parameter (another certificate_request_context), the chain's
     * alert, decrypt_error (CertificateVerify or Finished).
     *
     * @throws IllegalStateException before the handshake completed or after this side closed, on a
     *         client, when the client did not offer post_handshake_auth, or while an earlier
     *         request is unanswered
     */
    public void requestClientCertificate(boolean required) {
        requireCanSend();
        handshake.checkClientCertificateRequest();
        guarded(() -> {
            handshake.requestClientCertificate(required);
            channel.flush();
        });
    }

    /** Whether this server waits for the client's answer to {@link #requestClientCertificate}. */
    public boolean isAwaitingClientAuthentication() {
        return handshake.awaitingClientAuthentication();
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

    /**
     * What became of 0-RTT data (RFC 8446 §2.3, §4.2.10). Client-side: NOT_OFFERED when none was
     * given or no ticket allowed it, PENDING until the server's EncryptedExtensions, then ACCEPTED or
     * REJECTED (rejected data was not delivered and is not sent again by this engine). Server-side:
     * NOT_OFFERED, ACCEPTED (known once the ClientHello is processed) or REJECTED (skipped unread).
     */
    public EarlyDataStatus earlyDataStatus() {
        return channel.earlyDataStatus();
    }

    /** What was negotiated, or {@code null} until the handshake completed. */
    public TLSNegotiatedConfiguration nconfig() {
        return handshake.negotiated();
    }

    /**
     * Drops what the front end holds of the peer's bytes, the connection having failed; the
     * application data received too when {@code ownError}: this side failed or canceled. After the
     * peer's own alert, what it sent before stays readable.
     */
    abstract void discardReceived(boolean ownError);

    /**
     * Runs {@code step}, which processes received records, under the guard, then writes the
     * handshake messages it queued. A handshake that has gone on longer than
     * limits.max_handshake_duration is abandoned first (RFC 8446 §6.1: user_canceled, then close_notify).
     */
    <T> T receiving(Supplier<T> step) {
        return guardedStep(() -> {
            requireWithinHandshakeDuration();
            T result = step.get();
            channel.flush();
            return result;
        });
    }

    /** The records to send: those written so far are moved behind those not yet handed out. */
    PendingRecords outgoing() {
        outgoing.append(writer.drain());
        return outgoing;
    }

    /** A record that is not application data: handshake, alert or change_cipher_spec. */
    void onControlRecord(ContentType type, byte[] fragment, boolean wasProtected) {
        switch (type) {
            case HANDSHAKE -> onHandshakeRecord(fragment, wasProtected);
            case ALERT -> onAlert(fragment, wasProtected);
            case CHANGE_CIPHER_SPEC -> onChangeCipherSpec(fragment, wasProtected);
            default -> throw new UnexpectedMessage("unexpected " + type.ianaName() + " record");
        }
    }

    /** Checks that an application_data record of {@code length} bytes may arrive now (RFC 8446 §2). */
    void acceptApplicationData(int length) {
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
     * Checks an application_data record of {@code length} bytes that may be 0-RTT data: true when
     * it is early data the server accepted, counted against max_early_data_size (RFC 8446 §4.2.10);
     * false when it is ordinary application data, checked by {@link #acceptApplicationData}.
     */
    boolean acceptEarlyOrApplicationData(int length) {
        if (!handshake.readsEarlyData() || reassembler.hasPartialMessage()) {
            acceptApplicationData(length);
            return false;
        }
        handshake.receiveEarlyData(length);
        if (length == 0) {
            limits.emptyRecord("empty early data");
        } else {
            limits.progress();
        }
        return true;
    }

    /**
     * Client-side, before {@link #initiateConnection()}: the 0-RTT data to send after the
     * ClientHello when the session cache yields a ticket allowing it (RFC 8446 §2.3, §4.2.10).
     */
    void offerEarlyData(byte[] data) {
        if (config.side() != Side.CLIENT) {
            throw new IllegalStateException("early data is sent by a client; a server reads it with earlyDataToRead()");
        }
        if (phase != Phase.NEW) {
            throw new IllegalStateException("early data must be given before initiateConnection()");
        }
        if (!resumable) {
            throw new IllegalStateException("early data needs a resumable session: give the connection a session"
                    + " cache (ConnectionOptions.sessionCache) holding a ticket of this server");
        }
        ((ClientHandshake) handshake).offerEarlyData(data);
    }

    void requireStarted() {
        if (phase == Phase.NEW) {
            throw new IllegalStateException("initiateConnection() must be called first");
        }
    }

    void requireCanSend() {
        if (phase != Phase.CONNECTED || !sendingOpen) {
            throw new IllegalStateException(phase == Phase.CONNECTED
                    ? "the sending end of this connection is closed"
                    : "the connection is not established (" + phase.name().toLowerCase(Locale.ROOT) + ")");
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
        discardReceived(true);
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
     * Ends the connection after a fatal error (RFC 8446 §6.2): the alert (when this side raised
     * it) is queued, and what the connection held of the peer's bytes is dropped, so that a peer
     * that pushed it past a limit leaves nothing behind.
     */
    private void fail(AlertDescription alert) {
        phase = Phase.FAILED;
        receivingOpen = false;
        reader.discard();
        discardReceived(alert != null);
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
