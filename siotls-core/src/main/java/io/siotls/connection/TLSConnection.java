package io.siotls.connection;

import io.siotls.ConnectionOptions;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.alerts.TLSAlertException;
import io.siotls.handshake.Entropy;
import io.siotls.iana.ContentType;
import io.siotls.messages.ClientHello;
import io.siotls.record.Record;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One TLS 1.3 connection, Sans-IO: it never touches a socket. The caller feeds the bytes it
 * received with {@link #receiveData}, sends what {@link #dataToSend} returns, reads decrypted
 * application data with {@link #dataToRead} and encrypts its own with {@link #sendData}.
 * {@link RecordConnection} is the same connection driven one record at a time, for an SSLEngine.
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
 * alert in {@link #dataToSend}; the connection is then closed (RFC 8446 §6.2). Not thread-safe.
 */
public final class TLSConnection extends ConnectionCore {

    private final ByteQueue applicationData = new ByteQueue();
    private final ByteQueue earlyData = new ByteQueue();
    private byte[] pendingEarlyData;

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
        super(config, options, Entropy.secure(), Clock.systemUTC(), UnaryOperator.identity(), true);
    }

    /** For tests that replay published traces: fixed entropy, clock and ClientHello. */
    TLSConnection(TLSConfiguration config, String serverHostname, Entropy entropy, Clock clock,
            UnaryOperator<ClientHello> helloOverride) {
        super(config, ConnectionOptions.forHost(serverHostname), entropy, clock, helloOverride, true);
    }

    /** For tests of resumption and 0-RTT: a connection with its options and a fixed clock. */
    TLSConnection(TLSConfiguration config, ConnectionOptions options, Clock clock) {
        super(config, options, Entropy.secure(), clock, UnaryOperator.identity(), true);
    }

    /** Processes bytes received from the peer. */
    public void receiveData(byte[] data) {
        receiveData(data, 0, data.length);
    }

    /** Processes {@code len} bytes of {@code data} received from the peer. */
    public void receiveData(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        requireStarted();
        if (!isReceivingOpen()) {
            throw new IllegalStateException("the receiving end of this connection is closed");
        }
        receiving(() -> {
            reader.feed(data, off, len);
            processRecords();
            return null;
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
        while (isReceivingOpen() && (record = reader.next()) != null) {
            if (record.type() == ContentType.APPLICATION_DATA) {
                boolean early = acceptEarlyOrApplicationData(record.length());
                requireRoomForApplicationData(record.length());
                (early ? earlyData : applicationData).append(record.fragment(), 0, record.length());
            } else {
                onControlRecord(record.type(), record.fragment(), record.wasProtected());
            }
        }
    }

    /**
     * The decrypted data an application leaves unread is bounded (limits.max_buffered_application_data):
     * past it this side cannot go on, internal_error (RFC 8446 §6.2).
     */
    private void requireRoomForApplicationData(int length) {
        int max = config().limits().maxBufferedApplicationData();
        if ((long) applicationData.size() + earlyData.size() + length > max) {
            throw new InternalErrorAlert("the application left more than " + max + " bytes of received data unread"
                    + " (limits.max_buffered_application_data)");
        }
    }

    /**
     * Client-side, before {@link #initiateConnection()}: 0-RTT data (RFC 8446 §2.3) to send right
     * after the ClientHello, under the client_early_traffic_secret, when the connection's session
     * cache ({@link ConnectionOptions#sessionCache}) yields a ticket of this server whose
     * NewSessionTicket allowed at least this many bytes of early data (max_early_data_size,
     * §4.2.10) and whose ALPN protocol this connection offers. Calls add up.
     *
     * <p>Check {@link #earlyDataStatus()}: NOT_OFFERED right after {@link #initiateConnection()}
     * means no ticket allowed it and nothing was sent; REJECTED once the server answered means the
     * server skipped it unread. Either way this engine does not send the data again: early data
     * can be replayed (§8, §E.5), and only the application knows whether its request is safe to
     * send again after the handshake, with {@link #sendData}.
     *
     * @throws IllegalStateException server-side, after {@link #initiateConnection()}, or without a
     *         session cache
     */
    public void sendEarlyData(byte[] data) {
        sendEarlyData(data, 0, data.length);
    }

    /** Same as {@link #sendEarlyData(byte[])} for {@code len} bytes of {@code data}. */
    public void sendEarlyData(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        byte[] added = Arrays.copyOfRange(data, off, off + len);
        byte[] all = pendingEarlyData == null ? added : concat(pendingEarlyData, added);
        offerEarlyData(all);
        pendingEarlyData = all;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /**
     * Server-side: the 0-RTT data received and not read yet, then empty (RFC 8446 §2.3). It is
     * readable as soon as it arrives, before the handshake completes, and is kept apart from
     * {@link #dataToRead()}: the client has not proven yet that it is live, and an attacker may
     * have replayed it to another connection (§8; this server lets each ticket's early data in
     * once). An application acts on it only when the request is safe to replay (RFC 8470).
     */
    public byte[] earlyDataToRead() {
        return earlyData.takeAll();
    }

    /** How many bytes {@link #earlyDataToRead()} would return. */
    public int earlyDataToReadLength() {
        return earlyData.size();
    }

    /** All the bytes to send to the peer, then empty. */
    public byte[] dataToSend() {
        return outgoing().takeAll();
    }

    /** Moves as many bytes to send as fit into {@code dst}, whole records first; returns how many. */
    public int dataToSend(ByteBuffer dst) {
        PendingRecords outgoing = outgoing();
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

    @Override
    void discardReceived(boolean ownError) {
        if (ownError) {
            applicationData.clear();
            earlyData.clear();
        }
    }
}
