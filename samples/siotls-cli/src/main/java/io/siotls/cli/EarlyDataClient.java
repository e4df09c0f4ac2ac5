package io.siotls.cli;

import io.siotls.ConnectionOptions;
import io.siotls.EarlyDataStatus;
import io.siotls.LruClientSessionCache;
import io.siotls.TLSConfiguration;
import io.siotls.connection.TLSConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code siotls client HOST:PORT --early-data FILE}, like {@code gnutls-cli --resume --earlydata}:
 * a first connection gets the server's session tickets (kept in memory only, never written to a
 * file: a ticket's PSK is a secret), then a second one resumes a ticket and sends FILE as 0-RTT
 * data (RFC 8446 §2.3) before the handshake completes. The summary says whether the server
 * accepted it; rejected early data is not sent again (the server may not have acted on it, and
 * replaying a request is only safe when the application says so, RFC 8446 §4.2.10). Then standard
 * input and output are piped as for any connection.
 */
final class EarlyDataClient {

    /** How long the first connection waits for the server's tickets after its handshake. */
    private static final Duration TICKET_WAIT = Duration.ofSeconds(5);

    private final CliOptions options;
    private final TLSConfiguration configuration;
    private final PrintStream err;
    private final LruClientSessionCache cache = new LruClientSessionCache(8, Duration.ZERO);

    EarlyDataClient(CliOptions options, TLSConfiguration configuration, PrintStream err) {
        this.options = options;
        this.configuration = configuration;
        this.err = err;
    }

    /** Both connections; the exit code. */
    int run(byte[] earlyData, InputStream in, OutputStream out) throws IOException {
        try (SansIoSocket first = connect()) {
            first.handshake();
            awaitTicket(first);
        }
        if (!options.quiet()) {
            err.println(cache.size() == 0 ? "No session ticket received: the second connection is a full handshake"
                    : "Session ticket received; reconnecting with " + earlyData.length + " bytes of early data");
        }
        try (SansIoSocket second = connect()) {
            second.tls().sendEarlyData(earlyData);
            second.handshake();
            if (!options.quiet()) {
                HandshakeSummary.print(second.tls().nconfig(), err);
            }
            err.println("Early data     : " + describe(second.tls().earlyDataStatus(), earlyData.length));
            return converse(second, in, out);
        }
    }

    static String describe(EarlyDataStatus status, int length) {
        return switch (status) {
            case ACCEPTED -> "accepted (" + length + " bytes)";
            case REJECTED -> "rejected by the server (" + length + " bytes skipped unread, not sent again)";
            case NOT_OFFERED, PENDING -> "not offered: no ticket of this server allows " + length + " bytes of"
                    + " early data with these protocols (" + length + " bytes not sent)";
        };
    }

    private SansIoSocket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(options.host(), options.port()), 10_000);
        socket.setSoTimeout(20_000);
        String peerName = options.serverName() != null ? options.serverName() : options.host();
        ConnectionOptions connection = ConnectionOptions.builder().serverName(peerName).verificationHostname(peerName)
                .sessionCache(cache, options.host(), options.port()).build();
        return new SansIoSocket(socket, new TLSConnection(configuration, connection));
    }

    /** Reads until a ticket is kept, the server closes, or {@link #TICKET_WAIT} passed. */
    private void awaitTicket(SansIoSocket connection) throws IOException {
        Instant deadline = Instant.now().plus(TICKET_WAIT);
        while (cache.size() == 0 && Instant.now().isBefore(deadline) && connection.tls().isReceivingOpen()) {
            connection.receiveOnce(250);
        }
    }

    /** Standard input to the server, the server's data to standard output, until the server closes. */
    private int converse(SansIoSocket connection, InputStream in, OutputStream out) throws IOException {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        Thread sender = new Thread(() -> {
            try {
                byte[] buffer = new byte[16384];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    connection.write(buffer, 0, n);
                }
                connection.closeSendingEnd();
            } catch (IOException | RuntimeException e) {
                sendFailure.set(e);
            }
        }, "siotls-stdin");
        sender.setDaemon(true);
        sender.start();
        byte[] data;
        while ((data = connection.read()) != null) {
            out.write(data);
            out.flush();
        }
        Exception stopped = sendFailure.get();
        if (stopped != null && connection.tls().isReceivingOpen()) {
            err.println("siotls: sending stopped: " + stopped.getMessage());
        }
        return SiotlsCli.OK;
    }
}
