package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.cert.Certificate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client certificates through the JSSE APIs on loopback sockets: {@code setNeedClientAuth(true)},
 * client keys from the JDK's KeyManagerFactory, {@code getPeerCertificates()} on the server, and
 * a client without a certificate refused with an SSLHandshakeException naming the alert, on
 * both sides.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MutualTlsJsseTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.RSA_2048);

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static SSLContext context(boolean ours, KeyManager[] keys, Identity trusted) throws Exception {
        return ours ? SiotlsJsse.context(keys, JsseMaterial.trustManagers(trusted))
                : JsseMaterial.sunJsse(keys, JsseMaterial.trustManagers(trusted));
    }

    /** Accepts one connection requiring a client certificate, answers "ok\n", returns the client's chain. */
    private Future<Certificate[]> serveOnce(SSLServerSocket listener) {
        listener.setNeedClientAuth(true);
        return executor.submit(() -> {
            try (listener; SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                Certificate[] peer = socket.getSession().getPeerCertificates();
                InputStream in = socket.getInputStream();
                assertThat(in.read()).isEqualTo('?');
                OutputStream out = socket.getOutputStream();
                out.write("ok\n".getBytes());
                out.flush();
                return peer;
            }
        });
    }

    private static SSLServerSocket listen(SSLContext context) throws Exception {
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
    }

    private static SSLSocket connect(SSLContext context, int port) throws Exception {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    @ParameterizedTest(name = "our client: {0}")
    @ValueSource(booleans = {true, false})
    void ourServerSocketRequiresAndReadsTheClientCertificate(boolean ourClient) throws Exception {
        SSLServerSocket listener = listen(context(true, JsseMaterial.keyManagers(SERVER), CLIENT));
        assertThat(listener).isInstanceOf(SiotlsSSLServerSocket.class);
        Future<Certificate[]> served = serveOnce(listener);

        try (SSLSocket client = connect(context(ourClient, JsseMaterial.keyManagers(CLIENT), SERVER),
                listener.getLocalPort())) {
            client.getOutputStream().write('?');
            assertThat(new String(client.getInputStream().readNBytes(3))).isEqualTo("ok\n");
            assertThat(client.getSession().getLocalCertificates()).containsExactlyElementsOf(CLIENT.chain());
            assertThat(client.getSession().getPeerCertificates()).containsExactlyElementsOf(SERVER.chain());
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(CLIENT.chain());
    }

    @Test
    void ourClientSocketPresentsItsCertificateToSunJsse() throws Exception {
        SSLServerSocket listener = listen(context(false, JsseMaterial.keyManagers(SERVER), CLIENT));
        Future<Certificate[]> served = serveOnce(listener);

        try (SSLSocket client = connect(context(true, JsseMaterial.keyManagers(CLIENT), SERVER),
                listener.getLocalPort())) {
            assertThat(client).isInstanceOf(SiotlsSSLSocket.class);
            client.getOutputStream().write('?');
            assertThat(new String(client.getInputStream().readNBytes(3))).isEqualTo("ok\n");
        }
        assertThat(served.get(10, TimeUnit.SECONDS)).containsExactlyElementsOf(CLIENT.chain());
    }

    /**
     * TLS 1.3 clients finish their handshake before the server checks their certificate: the
     * server's refusal reaches the client on its first read, as an SSLHandshakeException. (The
     * client reads before it writes: a write can race the server's close, with SunJSSE too.)
     */
    @ParameterizedTest(name = "our client: {0}")
    @ValueSource(booleans = {true, false})
    void ourServerSocketRefusesAClientWithoutCertificate(boolean ourClient) throws Exception {
        SSLServerSocket listener = listen(context(true, JsseMaterial.keyManagers(SERVER), CLIENT));
        Future<Certificate[]> served = serveOnce(listener);

        try (SSLSocket client = connect(context(ourClient, null, SERVER), listener.getLocalPort())) {
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SSLHandshakeException.class).hasMessageContaining("certificate_required");
        }
        assertThatThrownBy(() -> served.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SSLHandshakeException.class).hasMessageContaining("certificate_required");
    }

    /**
     * SunJSSE's server refuses a client without a certificate with an alert that depends on the
     * JDK: bad_certificate, then certificate_required (RFC 8446 §4.4.2.4) since JDK-8311644 (JDK 23,
     * backported to 21u). Our client must report the alert the running JDK's server sends, exactly
     * as the JDK's own client reads it.
     */
    @Test
    void sunJsseRefusesOurClientWithoutCertificate() throws Exception {
        String alert = alertSunJsseSendsAClientWithoutCertificate();
        assertThat(alert).isIn("bad_certificate", "certificate_required");
        SSLServerSocket listener = listen(context(false, JsseMaterial.keyManagers(SERVER), CLIENT));
        Future<Certificate[]> served = serveOnce(listener);

        try (SSLSocket client = connect(context(true, null, SERVER), listener.getLocalPort())) {
            assertThat(client).isInstanceOf(SiotlsSSLSocket.class);
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("received fatal alert " + alert);
        }
        assertThatThrownBy(() -> served.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SSLHandshakeException.class);
    }

    /** The alert a SunJSSE server sends a SunJSSE client without a certificate, as that client reports it. */
    private String alertSunJsseSendsAClientWithoutCertificate() throws Exception {
        SSLServerSocket listener = listen(context(false, JsseMaterial.keyManagers(SERVER), CLIENT));
        Future<Certificate[]> served = serveOnce(listener);
        Throwable refused;
        try (SSLSocket client = connect(context(false, null, SERVER), listener.getLocalPort())) {
            refused = catchThrowable(() -> client.getInputStream().read());
        }
        assertThat(refused).isInstanceOf(SSLHandshakeException.class);
        Matcher alert = Pattern.compile("Received fatal alert: (\\w+)").matcher(refused.getMessage());
        assertThat(alert.find()).as(refused.getMessage()).isTrue();
        assertThatThrownBy(() -> served.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(SSLHandshakeException.class);
        return alert.group(1);
    }
}
