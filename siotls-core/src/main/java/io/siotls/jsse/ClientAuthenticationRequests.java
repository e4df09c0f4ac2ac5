package io.siotls.jsse;

import java.io.IOException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;

/**
 * Post-handshake client authentication (RFC 8446 §4.6.2) through JSSE, which has no method for
 * it: a server engine or socket of this provider asks a client that offered post_handshake_auth
 * for its certificate after the handshake; the session's {@code getPeerCertificates()} then
 * returns the client's chain, once its answer was read and verified.
 */
public final class ClientAuthenticationRequests {

    private ClientAuthenticationRequests() {
    }

    /**
     * Queues a CertificateRequest on {@code engine}; the next {@code wrap} sends it, and
     * {@code unwrap} checks the answer. See {@link SiotlsSSLEngine#requestClientAuthentication}.
     *
     * @throws IllegalArgumentException when {@code engine} is not an engine of this provider
     * @throws IllegalStateException as {@link SiotlsSSLEngine#requestClientAuthentication} says
     */
    public static void request(SSLEngine engine, boolean required) {
        if (!(engine instanceof SiotlsSSLEngine siotls)) {
            throw new IllegalArgumentException("not an engine of the siotls provider: " + engine.getClass().getName());
        }
        siotls.requestClientAuthentication(required);
    }

    /**
     * Sends a CertificateRequest on {@code socket}, a connection accepted by a server socket of
     * this provider (its handshake is completed first when it was not); the client's answer is
     * checked as the socket's input stream reads it.
     *
     * @throws IllegalArgumentException when {@code socket} is not a socket of this provider
     * @throws IllegalStateException as {@link SiotlsSSLEngine#requestClientAuthentication} says
     * @throws IOException when the request cannot be written
     */
    public static void request(SSLSocket socket, boolean required) throws IOException {
        if (!(socket instanceof SiotlsSSLSocket siotls)) {
            throw new IllegalArgumentException("not a socket of the siotls provider: " + socket.getClass().getName());
        }
        siotls.requestClientAuthentication(required);
    }

    /**
     * Reads from {@code socket} until the client answered the CertificateRequest that
     * {@link #request(SSLSocket, boolean)} sent, for a server that replies only once it knows the
     * client. The application data the client sent first stays for the input stream (at most
     * 16 KiB of it: more fails). Returns at once when no request is outstanding.
     *
     * @throws IllegalArgumentException when {@code socket} is not a socket of this provider
     * @throws IOException when the answer is refused (the alert is sent, the connection closed) or
     *         the connection ends first
     */
    public static void awaitAnswer(SSLSocket socket) throws IOException {
        if (!(socket instanceof SiotlsSSLSocket siotls)) {
            throw new IllegalArgumentException("not a socket of the siotls provider: " + socket.getClass().getName());
        }
        siotls.awaitClientAuthentication();
    }
}
