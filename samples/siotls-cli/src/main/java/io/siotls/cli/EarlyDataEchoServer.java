package io.siotls.cli;

import io.siotls.EarlyDataStatus;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.TLSException;
import io.siotls.connection.TLSConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * {@code siotls server --echo --early-data N}: the echo server on the Sans-IO engine, which
 * accepts up to N bytes of 0-RTT data from clients resuming its tickets (RFC 8446 §2.3; JSSE,
 * which the other modes use, has no API for early data). For each connection it prints whether
 * early data was accepted and what it held, then echoes the early data and everything after it.
 * Connections are served one after the other.
 */
final class EarlyDataEchoServer {

    private final TLSConfiguration configuration;
    private final ServerSocket listener;
    private final PrintStream err;
    private final boolean quiet;

    EarlyDataEchoServer(TLSConfiguration configuration, ServerSocket listener, PrintStream err, boolean quiet) {
        this.configuration = configuration;
        this.listener = listener;
        this.err = err;
        this.quiet = quiet;
    }

    /** Serves {@code acceptCount} connections, or without end when it is 0. */
    void serve(int acceptCount) throws IOException {
        for (int served = 0; acceptCount == 0 || served < acceptCount; served++) {
            Socket socket = listener.accept();
            socket.setSoTimeout(ServerLoop.READ_TIMEOUT_MILLIS);
            try (SansIoSocket connection = new SansIoSocket(socket, new TLSConnection(configuration))) {
                if (!quiet) {
                    err.println("Accepted " + socket.getRemoteSocketAddress());
                }
                echo(connection);
            } catch (IOException | TLSException e) {
                err.println("siotls: connection from " + socket.getRemoteSocketAddress() + " failed: "
                        + e.getMessage());
            }
        }
    }

    private void echo(SansIoSocket connection) throws IOException {
        connection.handshake();
        byte[] early = connection.earlyData();
        EarlyDataStatus status = connection.tls().earlyDataStatus();
        if (!quiet) {
            HandshakeSummary.print(connection.tls().nconfig(), err);
        }
        err.println("Early data     : " + switch (status) {
            case ACCEPTED -> "accepted (" + early.length + " bytes)";
            case REJECTED -> "rejected (skipped unread)";
            case NOT_OFFERED, PENDING -> "not offered";
        });
        if (early.length > 0) {
            err.println("Early data received:");
            err.println(new String(early, StandardCharsets.UTF_8));
            err.println("End of early data");
            connection.write(early, 0, early.length);
        }
        byte[] data;
        while ((data = connection.read()) != null) {
            connection.write(data, 0, data.length);
        }
    }
}
