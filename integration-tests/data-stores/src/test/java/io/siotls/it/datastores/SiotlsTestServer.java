package io.siotls.it.datastores;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.it.support.HandshakeRecorder;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * A TLS 1.3 server on the siotls JSSE provider standing in for a database server: it requires a
 * client certificate of the test CA, completes each handshake, then closes the connection (the
 * driver then fails at its own protocol level). It records the handshakes it served.
 */
final class SiotlsTestServer implements AutoCloseable {

    private final ServerSocket listener;
    private final HandshakeRecorder handshakes;
    private final Thread acceptor;

    private SiotlsTestServer(Path pkiDir) throws IOException {
        TLSConfiguration config = TLSConfiguration.server().certificateChain(pkiDir.resolve("server.pem"))
                .privateKey(pkiDir.resolve("server-key.pem"), null).truststore(pkiDir.resolve("ca.pem"))
                .clientAuthentication(ClientAuthentication.REQUIRED).build();
        SiotlsSSLContext context = SiotlsSSLContext.of(config);
        handshakes = HandshakeRecorder.attach(context);
        listener = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "siotls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Writes the test PKI into {@code pkiDir} (CA, server for localhost, client) and starts the server. */
    static SiotlsTestServer start(Path pkiDir) throws IOException {
        TestPki pki = new TestPki(pkiDir);
        pki.caFile();
        pki.leaf("server", "localhost");
        pki.leaf("client", "client.example");
        return new SiotlsTestServer(pkiDir);
    }

    /** The properties giving the application's siotls client the test PKI's trust and client certificate. */
    static String[] clientProperties(Path pkiDir) {
        return new String[] {"siotls.client.truststore=" + TestPki.location(pkiDir.resolve("ca.pem")),
                "siotls.client.certificate-chain=" + TestPki.location(pkiDir.resolve("client.pem")),
                "siotls.client.private-key=" + TestPki.location(pkiDir.resolve("client-key.pem"))};
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The handshakes served so far, completed and failed. */
    List<HandshakeEvent> handshakes() {
        return handshakes.all();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket accepted = listener.accept()) {
                ((SSLSocket) accepted).startHandshake();
            } catch (IOException e) {
                // a refused handshake is recorded by the listener; a closed listener ends the loop
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
