package io.siotls.testing;

import io.siotls.ConnectionOptions;
import io.siotls.TLSConfiguration;
import io.siotls.connection.TLSConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/** Drives a Sans-IO {@link TLSConnection} over a blocking socket, the way the siotls README shows. */
public final class SocketConnection implements AutoCloseable {

    private final Socket socket;
    private final TLSConnection connection;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private SocketConnection(Socket socket, TLSConnection connection) throws IOException {
        this.socket = socket;
        this.connection = connection;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        socket.setSoTimeout(20_000);
    }

    /** Connects to {@code port} on loopback as a client that names {@code serverName}. */
    public static SocketConnection connect(int port, TLSConfiguration config, String serverName) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return new SocketConnection(socket, new TLSConnection(config, serverName));
    }

    /** Connects to {@code port} on loopback as a client with {@code options} (a session cache among them). */
    public static SocketConnection connect(int port, TLSConfiguration config, ConnectionOptions options)
            throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return new SocketConnection(socket, new TLSConnection(config, options));
    }

    /** Accepts one connection on {@code server} as a TLS server. */
    public static SocketConnection accept(ServerSocket server, TLSConfiguration config) throws IOException {
        server.setSoTimeout(20_000);
        return new SocketConnection(server.accept(), new TLSConnection(config));
    }

    public TLSConnection tls() {
        return connection;
    }

    /** Runs the handshake to its end; an alert raised by the engine is sent before it propagates. */
    public void handshake() throws IOException {
        connection.initiateConnection();
        flush();
        byte[] buffer = new byte[16 * 1024];
        while (!connection.isPostHandshake()) {
            int read = in.read(buffer);
            if (read < 0) {
                connection.closeReceivingEnd();
                break;
            }
            feed(buffer, read);
        }
        if (!connection.isConnected()) {
            throw new IOException("the handshake ended without a connection");
        }
    }

    private void feed(byte[] buffer, int read) throws IOException {
        try {
            connection.receiveData(Arrays.copyOf(buffer, read));
        } finally {
            flush();
        }
        received.writeBytes(connection.dataToRead());
    }

    private void flush() throws IOException {
        byte[] data = connection.dataToSend();
        if (data.length > 0) {
            out.write(data);
            out.flush();
        }
    }

    public void write(byte[] data) throws IOException {
        connection.sendData(data);
        flush();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads until what was received satisfies {@code done}, the peer closes, or the socket times
     * out; returns everything received so far.
     */
    public byte[] readUntil(Predicate<byte[]> done, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] buffer = new byte[16 * 1024];
        while (!done.test(received.toByteArray()) && connection.isReceivingOpen()) {
            int read;
            try {
                read = in.read(buffer);
            } catch (SocketTimeoutException e) {
                break;
            }
            if (read < 0) {
                connection.closeReceivingEnd();
                break;
            }
            feed(buffer, read);
        }
        return received.toByteArray();
    }

    /** Reads until {@code text} was received (as UTF-8). */
    public String readUntilContains(String text, Duration timeout) throws IOException {
        return new String(readUntil(bytes -> new String(bytes, StandardCharsets.UTF_8).contains(text), timeout),
                StandardCharsets.UTF_8);
    }

    /** Sends close_notify and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (connection.isSendingOpen()) {
                connection.closeSendingEnd();
                flush();
            }
        } finally {
            socket.close();
        }
    }
}
