package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsClient;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our JSSE server resumes the sessions of {@code openssl s_client}, {@code gnutls-cli} and the
 * JDK's own client with the tickets it issued (RFC 8446 §2.2, §4.6.1): the clients report a
 * resumed session, the server's negotiated configuration and handshake event say so, and a
 * resumed mutual-TLS session reports the client certificate of the handshake that issued the ticket.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ResumptionInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<SSLServerSocket> listeners = new ArrayList<>();
    private final BlockingQueue<Served> served = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        for (SSLServerSocket listener : listeners) {
            listener.close();
        }
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** What our server saw of one connection. */
    record Served(TLSNegotiatedConfiguration negotiated, Certificate[] peer) {
    }

    /** Serves every connection: one line answered upper-cased, until the listener closes. */
    private SSLServerSocket serve(SSLContext context, boolean needClientAuth) throws IOException {
        SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getLoopbackAddress());
        SSLParameters parameters = listener.getSSLParameters();
        parameters.setNeedClientAuth(needClientAuth);
        listener.setSSLParameters(parameters);
        listeners.add(listener);
        executor.submit(() -> {
            while (!listener.isClosed()) {
                SSLSocket socket = (SSLSocket) listener.accept();
                executor.submit(() -> answer(socket));
            }
            return null;
        });
        return listener;
    }

    private void answer(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(20_000);
            socket.startHandshake();
            Certificate[] peer;
            try {
                peer = socket.getSession().getPeerCertificates();
            } catch (SSLPeerUnverifiedException e) {
                peer = null;
            }
            served.add(new Served(((SiotlsSession) socket.getSession()).negotiated(), peer));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line != null) {
                new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println(line.toUpperCase(Locale.ROOT));
            }
        } catch (IOException e) {
            served.add(new Served(null, null));
        }
    }

    private Served next() throws InterruptedException {
        Served next = served.poll(15, TimeUnit.SECONDS);
        assertThat(next).as("a connection served").isNotNull();
        assertThat(next.negotiated()).as("a completed handshake").isNotNull();
        return next;
    }

    /**
     * Runs s_client once, sends a line and waits for its answer, then ends its input and waits
     * for it to exit: it writes {@code -sess_out} on its way out. What is sent starts with "echo "
     * so that its answer cannot be found in s_client's own report: "ONE" alone matched its
     * "Compression: NONE" before the answer, and the tickets before it, had arrived. The answer is
     * looked for anywhere in the output, as s_client may print it in the middle of a line of its own.
     */
    private static String openSsl(int port, String line, String... arguments) throws Exception {
        String sent = "echo " + line;
        try (ExternalProcess client = OpenSslClient.start(port, arguments)) {
            client.write(sent + "\n");
            client.awaitOutput(out -> out.contains(sent.toUpperCase(Locale.ROOT)), WAIT);
            client.stdin().close();
            client.awaitExit(WAIT);
            return client.output();
        }
    }

    @Test
    void openSslResumesWithTheTicketItSaved() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        PemFiles pem = server.writePem(dir);
        SiotlsSSLContext context = SiotlsSSLContext.of(Configs.server(server).build());
        List<HandshakeEvent> events = new CopyOnWriteArrayList<>();
        context.addHandshakeListener(new HandshakeListener() {
            @Override
            public void handshakeCompleted(HandshakeEvent event) {
                events.add(event);
            }
        });
        int port = serve(context, false).getLocalPort();
        Path session = dir.resolve("session.pem");

        String first = openSsl(port, "first", "-CAfile", pem.ca().toString(), "-sess_out", session.toString());
        String second = openSsl(port, "second", "-CAfile", pem.ca().toString(), "-sess_in", session.toString());

        assertThat(Files.size(session)).isPositive();
        assertThat(first).contains("New, TLSv1.3");
        assertThat(second).contains("Reused, TLSv1.3");
        Served full = next();
        Served resumed = next();
        assertThat(full.negotiated().resumed()).isFalse();
        assertThat(full.negotiated().signatureAlgorithm()).isNotNull();
        assertThat(resumed.negotiated().resumed()).isTrue();
        assertThat(resumed.negotiated().signatureAlgorithm()).as("no CertificateVerify when resumed").isNull();
        assertThat(resumed.negotiated().cipherSuite()).isEqualTo(full.negotiated().cipherSuite());
        assertThat(events).extracting(HandshakeEvent::resumed).containsExactly(false, true);
    }

    /**
     * A resumed handshake issues tickets too, and they resume again: a chain of three connections,
     * each saving the ticket it got. (What {@code s_client -reconnect} would show, but it does not
     * resume TLS 1.3 sessions with any server, openssl/openssl#10714: it reconnects before the
     * tickets arrive.)
     */
    @Test
    void theTicketsOfAResumedHandshakeResumeAgain() throws Exception {
        Identity server = TestPki.server(KeyType.RSA_2048);
        PemFiles pem = server.writePem(dir);
        int port = serve(SiotlsJsse.context(JsseMaterial.keyManagers(server), null), false).getLocalPort();
        Path first = dir.resolve("first.pem");
        Path second = dir.resolve("second.pem");

        openSsl(port, "one", "-CAfile", pem.ca().toString(), "-sess_out", first.toString());
        assertThat(openSsl(port, "two", "-CAfile", pem.ca().toString(), "-sess_in", first.toString(),
                "-sess_out", second.toString())).contains("Reused, TLSv1.3");
        assertThat(openSsl(port, "three", "-CAfile", pem.ca().toString(), "-sess_in", second.toString()))
                .contains("Reused, TLSv1.3");

        assertThat(next().negotiated().resumed()).isFalse();
        assertThat(next().negotiated().resumed()).isTrue();
        assertThat(next().negotiated().resumed()).isTrue();
    }

    @Test
    void gnutlsResumes() throws Exception {
        Identity server = TestPki.server(KeyType.ED25519);
        PemFiles pem = server.writePem(dir);
        int port = serve(SiotlsJsse.context(JsseMaterial.keyManagers(server), null), false).getLocalPort();

        try (ExternalProcess client = GnutlsClient.start(port, pem, Gnutls.tls13(), "--resume")) {
            client.awaitOutput(out -> out.contains("This is a resumed session"), WAIT);
        }
        assertThat(next().negotiated().resumed()).isFalse();
        assertThat(next().negotiated().resumed()).isTrue();
    }

    @Test
    void theJdksClientResumes() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        int port = serve(SiotlsJsse.context(JsseMaterial.keyManagers(server), null), false).getLocalPort();
        SSLContext sunJsse = JsseMaterial.sunJsse(null, JsseMaterial.trustManagers(server));

        for (String line : List.of("first", "second")) {
            try (SSLSocket socket = (SSLSocket) sunJsse.getSocketFactory().createSocket("localhost", port)) {
                socket.setSoTimeout(15_000);
                new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println(line);
                assertThat(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                        .readLine()).isEqualTo(line.toUpperCase(Locale.ROOT));
            }
        }

        assertThat(next().negotiated().resumed()).isFalse();
        assertThat(next().negotiated().resumed()).isTrue();
    }

    @Test
    void aResumedMutualTlsSessionReportsTheClientCertificateOfTheFullHandshake() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        Identity client = TestPki.client(KeyType.EC_P384);
        PemFiles serverPem = server.writePem(dir.resolve("server"));
        PemFiles clientPem = client.writePem(dir.resolve("client"));
        SSLContext context = SiotlsJsse.context(JsseMaterial.keyManagers(server), JsseMaterial.trustManagers(client));
        int port = serve(context, true).getLocalPort();
        Path session = dir.resolve("session.pem");

        openSsl(port, "full", "-CAfile", serverPem.ca().toString(), "-cert", clientPem.chain().toString(),
                "-key", clientPem.key().toString(), "-sess_out", session.toString());
        String second = openSsl(port, "resumed", "-CAfile", serverPem.ca().toString(), "-sess_in", session.toString());

        assertThat(second).contains("Reused, TLSv1.3");
        Served full = next();
        Served resumed = next();
        assertThat(full.negotiated().resumed()).isFalse();
        assertThat(resumed.negotiated().resumed()).isTrue();
        assertThat(resumed.peer()).containsExactlyElementsOf(client.chain());
        assertThat(resumed.negotiated().peerCertificateChain()).containsExactlyElementsOf(client.chain());
    }
}
