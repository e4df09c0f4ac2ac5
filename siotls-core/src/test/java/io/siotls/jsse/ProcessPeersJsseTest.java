package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsClient;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our SSLServerSocket reached by {@code openssl s_client} and {@code gnutls-cli}, and our SSLSocket
 * against {@code openssl s_server} and {@code gnutls-serv}, all as processes on loopback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcessPeersJsseTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<SSLServerSocket> listeners = new ArrayList<>();

    /**
     * Closes the listeners first: a test skipped because its peer command is missing leaves its
     * server thread blocked in accept(), which shutdownNow() does not interrupt.
     */
    @AfterEach
    void stop() throws Exception {
        for (SSLServerSocket listener : listeners) {
            listener.close();
        }
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** What our server saw of the one connection it served. */
    record Served(String socketClass, String protocol, String applicationProtocol, Certificate[] peer) {
    }

    /**
     * Accepts one connection on our server socket and answers each line upper-cased, until the peer
     * closes; the listener is closed afterwards.
     */
    private Future<Served> upperCaseOnce(SSLServerSocket listener) {
        return executor.submit(() -> {
            try (listener; SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(20_000);
                socket.startHandshake();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
                String line = in.readLine();
                out.println(line.toUpperCase(Locale.ROOT));
                Certificate[] peer = socket.getNeedClientAuth() ? socket.getSession().getPeerCertificates() : null;
                return new Served(socket.getClass().getSimpleName(), socket.getSession().getProtocol(),
                        socket.getApplicationProtocol(), peer);
            }
        });
    }

    private SSLServerSocket listen(Identity server, Identity trustedClients, String... alpn) throws Exception {
        SSLContext context = SiotlsJsse.context(JsseMaterial.keyManagers(server),
                trustedClients == null ? null : JsseMaterial.trustManagers(trustedClients));
        SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
        SSLParameters parameters = listener.getSSLParameters();
        parameters.setApplicationProtocols(alpn);
        parameters.setNeedClientAuth(trustedClients != null);
        listener.setSSLParameters(parameters);
        listeners.add(listener);
        return listener;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void openSslClientReachesOurServerSocket(KeyType keyType) throws Exception {
        Identity server = TestPki.server(keyType);
        PemFiles pem = server.writePem(dir);
        SSLServerSocket listener = listen(server, null, "h2", "http/1.1");
        Future<Served> served = upperCaseOnce(listener);

        try (ExternalProcess client = OpenSslClient.start(listener.getLocalPort(), "-CAfile", pem.ca().toString(),
                "-verify_return_error", "-servername", "localhost", "-alpn", "http/1.1")) {
            client.write("hello from openssl\n");
            assertThat(client.awaitOutput(out -> out.contains("HELLO FROM OPENSSL"), WAIT))
                    .contains("Verify return code: 0 (ok)")
                    .contains("TLSv1.3")
                    .contains("ALPN protocol: http/1.1");
        }
        Served result = served.get(10, TimeUnit.SECONDS);
        assertThat(result.socketClass()).isEqualTo("SiotlsSSLSocket");
        assertThat(result.protocol()).isEqualTo("TLSv1.3");
        assertThat(result.applicationProtocol()).isEqualTo("http/1.1");
    }

    @Test
    void openSslClientPresentsItsCertificateToOurServerSocket() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        Identity client = TestPki.client(KeyType.EC_P384);
        PemFiles serverPem = server.writePem(dir.resolve("server"));
        PemFiles clientPem = client.writePem(dir.resolve("client"));
        SSLServerSocket listener = listen(server, client);
        Future<Served> served = upperCaseOnce(listener);

        try (ExternalProcess process = OpenSslClient.start(listener.getLocalPort(), "-CAfile",
                serverPem.ca().toString(), "-verify_return_error", "-cert", clientPem.chain().toString(),
                "-key", clientPem.key().toString())) {
            process.write("mutual\n");
            process.awaitOutput(out -> out.contains("MUTUAL"), WAIT);
        }
        assertThat(served.get(10, TimeUnit.SECONDS).peer()).containsExactlyElementsOf(client.chain());
    }

    @Test
    void gnutlsClientReachesOurServerSocket() throws Exception {
        Identity server = TestPki.server(KeyType.RSA_2048);
        PemFiles pem = server.writePem(dir);
        SSLServerSocket listener = listen(server, null, "http/1.1");
        Future<Served> served = upperCaseOnce(listener);

        try (ExternalProcess client = GnutlsClient.start(listener.getLocalPort(), Gnutls.tls13(),
                List.of("--x509cafile", pem.ca().toString(), "--alpn", "http/1.1"))) {
            client.write("hello from gnutls\n");
            assertThat(client.awaitOutput(out -> out.contains("HELLO FROM GNUTLS"), WAIT))
                    .contains("TLS1.3")
                    .contains("Application protocol: http/1.1");
        }
        Served result = served.get(10, TimeUnit.SECONDS);
        assertThat(result.socketClass()).isEqualTo("SiotlsSSLSocket");
        assertThat(result.applicationProtocol()).isEqualTo("http/1.1");
    }

    private static SSLSocket connect(Identity server, Identity client, int port, String... alpn) throws Exception {
        SSLContext context = SiotlsJsse.context(client == null ? null : JsseMaterial.keyManagers(client),
                JsseMaterial.trustManagers(server));
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(15_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(alpn);
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static String readLine(SSLSocket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048", "ED25519"})
    void ourSocketReachesOpenSslServer(KeyType keyType) throws Exception {
        Identity server = TestPki.server(keyType);
        try (OpenSslServer openssl = OpenSslServer.start(server.writePem(dir), "-naccept", "1", "-rev",
                "-alpn", "h2,http/1.1");
             SSLSocket socket = connect(server, null, openssl.port(), "http/1.1", "h2")) {
            assertThat(socket).isInstanceOf(SiotlsSSLSocket.class);
            socket.startHandshake();
            assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
            assertThat(socket.getSession().getPeerCertificates()).containsExactlyElementsOf(server.chain());
            OutputStream out = socket.getOutputStream();
            out.write("hello openssl\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readLine(socket)).contains("lssnepo olleh");
        }
    }

    @Test
    void ourSocketPresentsItsCertificateToOpenSslServer() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        Identity client = TestPki.client(KeyType.ED25519);
        PemFiles clientPem = client.writePem(dir.resolve("client"));
        try (OpenSslServer openssl = OpenSslServer.start(server.writePem(dir.resolve("server")), "-naccept", "1",
                "-rev", "-Verify", "1", "-verify_return_error", "-CAfile", clientPem.ca().toString());
             SSLSocket socket = connect(server, client, openssl.port())) {
            socket.getOutputStream().write("mutual\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readLine(socket)).contains("lautum");
            assertThat(socket.getSession().getLocalCertificates()).containsExactlyElementsOf(client.chain());
        }
    }

    @Test
    void ourSocketReachesGnutlsServer() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        try (GnutlsServer gnutls = GnutlsServer.start(server, dir, Gnutls.tls13(), "--disable-client-cert");
             SSLSocket socket = connect(server, null, gnutls.port())) {
            socket.getOutputStream().write("echo me\n".getBytes(StandardCharsets.UTF_8));
            assertThat(readLine(socket)).isEqualTo("echo me");
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }
}
