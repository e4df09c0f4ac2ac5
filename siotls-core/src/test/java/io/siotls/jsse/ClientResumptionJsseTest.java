package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client-side resumption through JSSE (RFC 8446 §2.2, §4.6.1): every SSLContext of ours keeps the
 * sessions of its client engines and sockets in its client session context, and resumes them on
 * the next connection to the same host and port, with nothing to configure. The JDK's HttpClient
 * on such a context resumes too (a second HttpClient, so a second connection); {@code SSLSession.invalidate()} and the context's size and
 * timeout are honoured; an engine made without the peer's host never resumes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClientResumptionJsseTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    @TempDir
    Path dir;
    private SSLContext context;
    private PemFiles pem;

    @BeforeEach
    void setUp() throws Exception {
        context = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER));
        pem = SERVER.writePem(dir);
    }

    /** One request to {@code s_server -www} on a socket of {@code context}; the page, and the session. */
    private record Page(String text, SSLSession session) {
        boolean reused() {
            return text.contains("Reused, TLSv1.3");
        }
    }

    private Page get(int port) throws Exception {
        return get(port, null);
    }

    /** As {@link #get(int)}, the socket identifying the server with {@code identification} (SSLParameters). */
    private Page get(int port, String identification) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(identification);
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream page = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read;
            while (!page.toString(StandardCharsets.US_ASCII).contains("</HTML>") && (read = in.read(buffer)) > 0) {
                page.write(buffer, 0, read);
            }
            return new Page(page.toString(StandardCharsets.US_ASCII), socket.getSession());
        }
    }

    @Test
    void aSocketResumesTheSessionOfTheSameHostAndPort() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(pem, "-www")) {
            Page full = get(server.port());
            Page resumed = get(server.port());

            assertThat(full.reused()).isFalse();
            assertThat(((SiotlsSession) full.session()).resumed()).isFalse();
            assertThat(resumed.reused()).isTrue();
            assertThat(((SiotlsSession) resumed.session()).resumed()).isTrue();
            assertThat(resumed.session().getPeerCertificates()).containsExactlyElementsOf(SERVER.chain());
            assertThat(resumed.session().getCipherSuite()).isEqualTo(full.session().getCipherSuite());
        }
    }

    @Test
    void aSessionWhoseHostNameWasNotCheckedIsNotResumedByAConnectionThatChecksIt() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(pem, "-www")) {
            get(server.port());
            assertThat(get(server.port(), "HTTPS").reused()).as("identified with HTTPS, unlike the first").isFalse();
            assertThat(get(server.port(), "HTTPS").reused()).isTrue();
        }
    }

    @Test
    void invalidatingTheSessionStopsResumption() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(pem, "-www")) {
            get(server.port()).session().invalidate();
            assertThat(get(server.port()).reused()).isFalse();
            assertThat(get(server.port()).reused()).isTrue();
        }
    }

    @Test
    void aCacheOfOneSessionKeepsOnlyTheLastPeers() throws Exception {
        context.getClientSessionContext().setSessionCacheSize(1);
        try (OpenSslServer first = OpenSslServer.start(pem, "-www");
             OpenSslServer second = OpenSslServer.start(pem, "-www")) {
            get(first.port());
            get(second.port());
            assertThat(get(first.port()).reused()).as("the first server's tickets were dropped").isFalse();
            assertThat(get(first.port()).reused()).isTrue();
        }
    }

    @Test
    void theSessionTimeoutIsHonoured() throws Exception {
        context.getClientSessionContext().setSessionTimeout(1);
        try (OpenSslServer server = OpenSslServer.start(pem, "-www")) {
            get(server.port());
            Thread.sleep(1_100);
            assertThat(get(server.port()).reused()).isFalse();
        }
    }

    @Test
    void theJdksHttpClientOnOurContextResumes() throws Exception {
        SSLContext serverContext = SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null);
        try (TinyHttpsServer server = new TinyHttpsServer(serverContext)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/"))
                    .timeout(Duration.ofSeconds(15)).build();
            List<SSLSession> sessions = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HttpClient client = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).isEqualTo(TinyHttpsServer.BODY);
                sessions.add(response.sslSession().orElseThrow());
            }

            assertThat(sessions.get(1).getPeerCertificates()).containsExactlyElementsOf(SERVER.chain());
            assertThat(server.accepted).as("the second client on the same SSLContext resumed").extracting(socket -> ((SiotlsSession) ((SSLSocket) socket).getSession()).resumed())
                    .containsExactly(false, true);
            assertThat(server.failures).isEmpty();
        }
    }

    @Test
    void ourClientEngineResumesWithOurServerEngineOnlyWhenGivenThePeer() throws Exception {
        SSLContext server = SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null);
        assertThat(handshake(context.createSSLEngine("localhost", 443), server).resumed()).isFalse();
        assertThat(handshake(context.createSSLEngine("localhost", 443), server).resumed()).isTrue();
        assertThat(handshake(context.createSSLEngine(), server).resumed()).as("no peer host, no resumption").isFalse();
        assertThat(handshake(context.createSSLEngine("localhost", 8443), server).resumed()).as("another port").isFalse();
    }

    private static SiotlsSession handshake(SSLEngine client, SSLContext serverContext) throws Exception {
        client.setUseClientMode(true);
        SSLEngine server = serverContext.createSSLEngine();
        server.setUseClientMode(false);
        new EnginePairs(client, server).handshake();
        assertThat(((SiotlsSession) server.getSession()).resumed()).isEqualTo(((SiotlsSession) client.getSession()).resumed());
        return (SiotlsSession) client.getSession();
    }
}
