package io.siotls.spring.autoconfigure.restclient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Accepts TCP connections on loopback and never answers, holding them open until closed. */
final class SilentServer implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    SilentServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptAll, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** An HTTPS URL of this server by the name {@code localhost}. */
    String url() {
        return "https://localhost:" + listener.getLocalPort() + "/";
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                accepted.add(listener.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
