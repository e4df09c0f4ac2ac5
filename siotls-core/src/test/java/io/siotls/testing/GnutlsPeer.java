package io.siotls.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** GnuTLS's {@code gnutls-serv} and {@code gnutls-cli}, started as processes on loopback. */
public final class GnutlsPeer {

    /** TLS 1.3 only, plus what a test adds (e.g. {@code +CTYPE-SRV-RAWPK}). */
    public static String tls13(String extra) {
        return "NORMAL:-VERS-ALL:+VERS-TLS1.3" + extra;
    }

    private GnutlsPeer() {
    }

    /** A running {@code gnutls-serv --echo} and the port it listens on. */
    public record Server(ExternalProcess process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    /**
     * Starts {@code gnutls-serv --echo} on a free loopback port with {@code arguments}, and waits
     * until it accepts connections.
     */
    public static Server startServer(String... arguments) throws IOException, InterruptedException, TimeoutException {
        for (int attempt = 0; attempt < 3; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of("gnutls-serv", "--port", Integer.toString(port), "--echo"));
            command.addAll(List.of(arguments));
            ExternalProcess process = ExternalProcess.start(command);
            if (acceptsConnections(port, process)) {
                return new Server(process, port);
            }
            process.close();
        }
        throw new TimeoutException("gnutls-serv did not start listening on a free port");
    }

    /** Polls the port (gnutls-serv buffers its output when it is not a terminal). */
    private static boolean acceptsConnections(int port, ExternalProcess process) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                if (process.output().contains("bind") || process.output().contains("Error")) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
        return false;
    }

    /** Starts {@code gnutls-cli --port port arguments 127.0.0.1}. */
    public static ExternalProcess startClient(int port, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("gnutls-cli", "--port", Integer.toString(port)));
        command.addAll(List.of(arguments));
        command.add("127.0.0.1");
        return ExternalProcess.start(command);
    }
}
