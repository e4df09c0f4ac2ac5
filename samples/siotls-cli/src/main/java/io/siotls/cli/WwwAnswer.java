package io.siotls.cli;

import io.siotls.jsse.ClientAuthenticationRequests;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * {@code server --www}: reads the HTTP request head and answers it with a small HTTP/1.0 page
 * naming what the handshake negotiated, written at once so that it leaves in one record; then
 * sends close_notify and waits a little for the peer's. With {@code --pha-on PATH}, a GET of PATH
 * first asks a client that offered post_handshake_auth for its certificate (RFC 8446 §4.6.2), and
 * the page names the certificate the client answered with.
 */
final class WwwAnswer implements ServerLoop.Answer {

    /** Largest request head read; a longer one is answered with 400. */
    static final int MAX_REQUEST_HEAD = 64 * 1024;
    /** Longest wait for the peer's close_notify once the answer is sent. */
    static final int CLOSE_TIMEOUT_MILLIS = 2_000;

    private final String clientCertificatePath;

    /** @param clientCertificatePath the path whose GET asks for the client's certificate, or {@code null} */
    WwwAnswer(String clientCertificatePath) {
        this.clientCertificatePath = clientCertificatePath;
    }

    @Override
    public void answer(SSLSocket socket, String negotiated) throws IOException {
        String requestLine = readRequestHead(socket.getInputStream());
        if (requestLine == null) {
            throw new SocketException("closed before a whole request");
        }
        String page = negotiated;
        if (clientCertificatePath != null && requestLine.startsWith("GET " + clientCertificatePath + " ")) {
            page = negotiated + ", client " + authenticateClient(socket);
        }
        socket.getOutputStream().write(response(requestLine, page));
        socket.getOutputStream().flush();
        awaitClose(socket);
    }

    /**
     * Asks for the client's certificate after the handshake and waits for the answer; returns the
     * subject of the certificate it sent, "none" when it sent none, or why it was not asked.
     */
    private static String authenticateClient(SSLSocket socket) throws IOException {
        try {
            ClientAuthenticationRequests.request(socket, false);
        } catch (IllegalStateException e) {
            return "not asked: " + e.getMessage();
        }
        ClientAuthenticationRequests.awaitAnswer(socket);
        try {
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSubjectX500Principal()
                    .getName();
        } catch (SSLPeerUnverifiedException e) {
            return "none";
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
            if (head.indexOf("\r\n\r\n") >= 0 || head.indexOf("\n\n") >= 0) {
                return head.substring(0, head.indexOf("\n")).strip();
            }
        }
        return "";
    }

    private static byte[] response(String requestLine, String negotiated) {
        boolean get = requestLine.startsWith("GET ");
        String body = get ? "siotls www: " + negotiated + "\r\n" : "siotls www answers GET requests only\r\n";
        String status = get ? "200 ok" : "400 bad request";
        return ("HTTP/1.0 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
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
