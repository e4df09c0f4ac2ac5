package io.siotls.cli;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The {@code server --www} mode, in the spirit of {@code openssl s_server -www}: accepts
 * connection after connection, reads each one's HTTP request head, answers it with a small
 * HTTP/1.0 page naming the negotiated cipher suite and group, then closes the connection
 * (close_notify first). At most {@value #WORKERS} connections are served at once; a connection
 * that fails is reported on standard error and the listener goes on.
 */
final class WwwServer {

    /** Connections served at the same time; the next accept waits for a free one. */
    static final int WORKERS = 4;
    /** Longest wait for a peer's next bytes. */
    static final int READ_TIMEOUT_MILLIS = 10_000;
    /** Longest wait for the peer's close_notify once the answer is sent. */
    static final int CLOSE_TIMEOUT_MILLIS = 2_000;
    /** Largest request head read; a longer one is answered with 400. */
    static final int MAX_REQUEST_HEAD = 64 * 1024;

    private final SSLServerSocket listener;
    private final PrintStream err;
    private final boolean quiet;
    private final ThreadLocal<TLSNegotiatedConfiguration> negotiated = new ThreadLocal<>();

    WwwServer(SiotlsSSLContext context, SSLServerSocket listener, PrintStream err, boolean quiet) {
        this.listener = listener;
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
     * last one is answered.
     *
     * @throws IOException when the listening socket fails for good
     */
    void serve(int acceptCount) throws IOException, InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "siotls-www");
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
                        answer(socket);
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

    private void answer(SSLSocket socket) {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        negotiated.remove();
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.startHandshake();
            TLSNegotiatedConfiguration result = negotiated.get();
            String requestLine = readRequestHead(socket.getInputStream());
            if (requestLine == null) {
                err.println("siotls: " + peer + ": closed before a whole request");
                return;
            }
            socket.getOutputStream().write(response(requestLine, result, socket));
            socket.getOutputStream().flush();
            if (!quiet) {
                err.println("Served " + peer + ": " + describe(result, socket));
            }
            awaitClose(socket);
        } catch (IOException | RuntimeException e) {
            err.println("siotls: " + peer + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            negotiated.remove();
        }
    }

    /**
     * The first line of the request, once its head (up to the empty line) is read; {@code null}
     * when the peer ends first; {@code ""} when the head is longer than {@link #MAX_REQUEST_HEAD}.
     */
    static String readRequestHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (head.length() <= MAX_REQUEST_HEAD) {
            int n = in.read(buffer);
            if (n < 0) {
                return null;
            }
            head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                end = head.indexOf("\n\n");
            }
            if (end >= 0) {
                int lineEnd = head.indexOf("\n");
                return head.substring(0, lineEnd).strip();
            }
        }
        return "";
    }

    /** The whole answer, written at once so that it leaves in one record. */
    private static byte[] response(String requestLine, TLSNegotiatedConfiguration result, SSLSocket socket) {
        boolean get = requestLine.startsWith("GET ");
        String body = get ? "siotls www: " + describe(result, socket) + "\r\n"
                : "siotls www answers GET requests only\r\n";
        String status = get ? "200 ok" : "400 bad request";
        return ("HTTP/1.0 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private static String describe(TLSNegotiatedConfiguration result, SSLSocket socket) {
        if (result == null) {
            return "TLSv1.3, cipher suite " + socket.getSession().getCipherSuite();
        }
        return "TLSv1.3, cipher suite " + result.cipherSuite().ianaName() + ", group "
                + (result.keyExchange() == null ? "none" : result.keyExchange().ianaName());
    }

    /**
     * Sends close_notify and waits a little for the peer's end, so that the peer's own
     * close_notify does not meet a closed socket (whose reset could discard ours unread).
     */
    private static void awaitClose(SSLSocket socket) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(CLOSE_TIMEOUT_MILLIS);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                continue;
            }
        } catch (SocketTimeoutException | SocketException e) {
            // the peer keeps the connection open, or reset it: it is closed either way
        }
    }
}
