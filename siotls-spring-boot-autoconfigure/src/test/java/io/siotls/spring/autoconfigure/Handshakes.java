package io.siotls.spring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** One TLS connection over loopback sockets between the contexts of two beans. */
final class Handshakes {

    private Handshakes() {
    }

    /** What the client saw of a completed handshake. */
    record Outcome(String protocol, String cipherSuite, String serverSubject) {
    }

    /** Connects a client of {@code client} asking for {@code host} to a server of {@code server}, and exchanges one byte. */
    static Outcome connect(SSLContext server, SSLContext client, String host) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> accepted = executor.submit(() -> serveOneByte(listener));
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5000);
            plain.setSoTimeout(10_000);
            Outcome outcome;
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket(plain, host,
                    listener.getLocalPort(), true)) {
                socket.startHandshake();
                int echoed = socket.getInputStream().read();
                if (echoed != 42) {
                    throw new IOException("the server sent " + echoed);
                }
                SSLSession session = socket.getSession();
                outcome = new Outcome(session.getProtocol(), session.getCipherSuite(),
                        ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName());
            }
            accepted.get(10, TimeUnit.SECONDS);
            return outcome;
        } finally {
            executor.shutdownNow();
        }
    }

    private static Void serveOneByte(SSLServerSocket listener) throws IOException {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            socket.getOutputStream().write(42);
            socket.getOutputStream().flush();
        }
        return null;
    }
}
