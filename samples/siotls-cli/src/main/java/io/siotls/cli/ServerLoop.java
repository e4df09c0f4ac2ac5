package io.siotls.cli;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The {@code server --www} and {@code --echo} modes, in the spirit of {@code openssl s_server
 * -www}: accepts connection after connection, completes each one's handshake and lets an
 * {@link Answer} talk to the peer, then closes the connection (close_notify first). At most
 * {@value #WORKERS} connections are served at once; a connection that fails is reported on
 * standard error and the listener goes on.
 */
final class ServerLoop {

    /** Connections served at the same time; the next accept waits for a free one. */
    static final int WORKERS = 4;
    /** Longest wait for a peer's next bytes. */
    static final int READ_TIMEOUT_MILLIS = 10_000;

    /** What the server does with a connection once its handshake completed. */
    @FunctionalInterface
    interface Answer {

        /** Talks to the peer; the loop closes the socket afterwards. */
        void answer(SSLSocket socket, String negotiated) throws IOException;
    }

    private final SSLServerSocket listener;
    private final Answer answer;
    private final PrintStream err;
    private final boolean quiet;
    private final ThreadLocal<TLSNegotiatedConfiguration> negotiated = new ThreadLocal<>();

    ServerLoop(SiotlsSSLContext context, SSLServerSocket listener, Answer answer, PrintStream err, boolean quiet) {
        this.listener = listener;
        this.answer = answer;
        this.err = err;
        this.quiet = quiet;
        // the context's listeners run on the thread driving the handshake: the worker's
        context.addHandshakeListener(new HandshakeListener() {
            @Override
            public void handshakeCompleted(HandshakeEvent event) {
                negotiated.set(event.negotiated());
            }
        });
    }

    /**
     * Serves {@code acceptCount} connections, or without end when it is 0, and returns once the
     * last one is done.
     *
     * @throws IOException when the listening socket fails for good
     */
    void serve(int acceptCount) throws IOException, InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "siotls-server");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore free = new Semaphore(WORKERS);
        try {
            for (int served = 0; acceptCount == 0 || served < acceptCount; served++) {
                free.acquire();
                SSLSocket socket = accept();
                workers.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        free.release();
                    }
                });
            }
        } finally {
            workers.shutdown();
            workers.awaitTermination(READ_TIMEOUT_MILLIS * 2L, TimeUnit.MILLISECONDS);
        }
    }

    /** The next connection; a failed accept is reported and retried unless the listener is closed. */
    private SSLSocket accept() throws IOException, InterruptedException {
        while (true) {
            try {
                return (SSLSocket) listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    throw e;
                }
                err.println("siotls: accept failed: " + e.getMessage());
                Thread.sleep(100);
            }
        }
    }

    private void serve(SSLSocket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        negotiated.remove();
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.startHandshake();
            String description = describe(negotiated.get(), socket);
            answer.answer(socket, description);
            if (!quiet) {
                err.println("Served " + peer + ": " + description);
            }
        } catch (IOException | RuntimeException e) {
            err.println("siotls: " + peer + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            negotiated.remove();
        }
    }

    private static String describe(TLSNegotiatedConfiguration result, SSLSocket socket) {
        if (result == null) {
            return "TLSv1.3, cipher suite " + socket.getSession().getCipherSuite();
        }
        return "TLSv1.3, cipher suite " + result.cipherSuite().ianaName() + ", group "
                + (result.keyExchange() == null ? "none" : result.keyExchange().ianaName())
                + (result.resumed() ? ", resumed" : "")
                + (result.externalPskAuthenticated() ? ", external PSK '" + HandshakeSummary.identity(result) + "'" : "");
    }
}
