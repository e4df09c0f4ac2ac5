package io.siotls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback for one TLS connection: it accepts the client, connects to the
 * server, passes bytes through unchanged both ways and notes the header (RFC 8446 §5.1) of each
 * record it sees, so a test can tell the size of what a peer actually put on the wire.
 */
public final class RecordRelay implements AutoCloseable {

    /** TLSPlaintext/TLSCiphertext {@code opaque_type} of protected records. */
    public static final int APPLICATION_DATA = 23;

    /**
     * One record's header.
     *
     * @param contentType the outer content type (23 for every protected record)
     * @param length      the length of the fragment (the ciphertext, tag included, once protected)
     */
    public record Header(int contentType, int length) {
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Header> fromClient = new CopyOnWriteArrayList<>();
    private final List<Header> fromServer = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private RecordRelay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** Listens on an ephemeral loopback port and relays the first connection to {@code targetPort}. */
    public static RecordRelay start(int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        RecordRelay relay = new RecordRelay(listener, targetPort);
        relay.spawn("relay accept", relay::acceptAndRelay);
        return relay;
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The headers of the records the client sent, in order. */
    public List<Header> fromClient() {
        return List.copyOf(fromClient);
    }

    /** The headers of the records the server sent, in order. */
    public List<Header> fromServer() {
        return List.copyOf(fromServer);
    }

    private void acceptAndRelay() {
        try {
            listener.setSoTimeout(20_000);
            Socket client = listener.accept();
            sockets.add(client);
            Socket server = new Socket();
            sockets.add(server);
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 10_000);
            spawn("relay client to server", () -> pump(client, server, fromClient));
            spawn("relay server to client", () -> pump(server, client, fromServer));
        } catch (IOException e) {
            closeSockets();
        }
    }

    private void spawn(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /**
     * Copies {@code from} to {@code to} until the end of the stream, noting each record header
     * before passing it on: whatever the receiver saw has been noted.
     */
    private void pump(Socket from, Socket to, List<Header> headers) {
        byte[] header = new byte[5];
        int headerFilled = 0;
        int bodyLeft = 0;
        byte[] buffer = new byte[32 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) > 0) {
                int position = 0;
                while (position < read) {
                    if (bodyLeft > 0) {
                        int skipped = Math.min(bodyLeft, read - position);
                        bodyLeft -= skipped;
                        position += skipped;
                    } else {
                        header[headerFilled++] = buffer[position++];
                        if (headerFilled == header.length) {
                            bodyLeft = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
                            headers.add(new Header(header[0] & 0xff, bodyLeft));
                            headerFilled = 0;
                        }
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeSockets();
        }
    }

    private void closeSockets() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed by the other direction
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        closeSockets();
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
