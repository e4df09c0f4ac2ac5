package io.siotls.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between a client and a server that notes the length of every TLS
 * record it forwards in each direction, so a test can see record sizes on the wire. A record is
 * noted before its last bytes are forwarded, so what the peer has answered has been noted.
 */
public final class RecordRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Integer> toClient = new CopyOnWriteArrayList<>();
    private final List<Integer> toServer = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public RecordRelay(int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.acceptor = new Thread(this::relayOne, "record relay");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Record fragment lengths sent by the server, in order. */
    public List<Integer> recordsToClient() {
        return new ArrayList<>(toClient);
    }

    /** Record fragment lengths sent by the client, in order. */
    public List<Integer> recordsToServer() {
        return new ArrayList<>(toServer);
    }

    private void relayOne() {
        try {
            Socket client = listener.accept();
            Socket server = new Socket();
            server.connect(new InetSocketAddress("127.0.0.1", targetPort), 5000);
            sockets.add(client);
            sockets.add(server);
            Thread up = pump(client.getInputStream(), server.getOutputStream(), toServer);
            Thread down = pump(server.getInputStream(), client.getOutputStream(), toClient);
            up.join();
            down.join();
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pump(InputStream in, OutputStream out, List<Integer> lengths) {
        Thread thread = new Thread(() -> {
            ByteArrayOutputStream pending = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    pending.write(buffer, 0, read);
                    byte[] bytes = pending.toByteArray();
                    int at = 0;
                    while (bytes.length - at >= 5) {
                        int length = (bytes[at + 3] & 0xff) << 8 | (bytes[at + 4] & 0xff);
                        if (bytes.length - at < 5 + length) {
                            break;
                        }
                        lengths.add(length);
                        at += 5 + length;
                    }
                    pending.reset();
                    pending.write(bytes, at, bytes.length - at);
                    out.write(buffer, 0, read);
                    out.flush();
                }
                out.close();
            } catch (IOException e) {
                // the other side closed: the relay of this direction is over
            }
        }, "record relay pump");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
