package io.siotls.spring.autoconfigure.tomcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.testing.Curl;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.net.SSLSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Embedded Tomcat's NIO connector, set up by {@link SiotlsTomcatConnectorCustomizer} alone (no
 * Spring application), serving HTTPS on our provider through {@link SiotlsTomcatSslImplementation}
 * and {@link TomcatSslContextAdapter}, HTTP/1.1 and HTTP/2 (ALPN), reached by curl on OpenSSL.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TomcatInteropTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    /** The implementation under test, remembering the session of each connection Tomcat served. */
    public static final class Recording extends SiotlsTomcatSslImplementation {
        static final List<SSLSession> SESSIONS = new CopyOnWriteArrayList<>();

        @Override
        public SSLSupport getSSLSupport(SSLSession session, Map<String, List<String>> additionalAttributes) {
            SESSIONS.add(session);
            return super.getSSLSupport(session, additionalAttributes);
        }
    }

    /** The session class of our engine (final, and not public outside its package). */
    private static final String SIOTLS_SESSION = "io.siotls.jsse.SiotlsSession";

    @TempDir
    Path dir;
    private Tomcat tomcat;

    @BeforeEach
    void clearSessions() {
        Recording.SESSIONS.clear();
    }

    @AfterEach
    void stopTomcat() throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    /**
     * Starts Tomcat with one HTTPS connector on our provider, configured by the production
     * customizer, and HTTP/2; returns its port.
     */
    private int startTomcat(Identity trustedClients) throws Exception {
        TLSConfiguration.Builder server = TLSConfiguration.server().privateKey(SERVER.privateKey())
                .certificateChain(SERVER.chain());
        if (trustedClients != null) {
            server.truststore(TrustStores.fromCertificates(List.of(trustedClients.root())))
                    .clientAuthentication(ClientAuthentication.REQUIRED);
        }
        TLSConfiguration configuration = server.build();
        tomcat = new Tomcat();
        tomcat.setBaseDir(dir.resolve("tomcat").toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.addUpgradeProtocol(new Http2Protocol());
        new SiotlsTomcatConnectorCustomizer(SiotlsSSLContext.of(configuration), () -> configuration,
                Duration.ofSeconds(10)).customize(connector);
        connector.setProperty("sslImplementationName", Recording.class.getName());
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", dir.toString());
        Tomcat.addServlet(context, "hello", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                X509Certificate[] peer = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
                response.setContentType("text/plain");
                response.getWriter().print(request.getProtocol() + " "
                        + request.getAttribute("jakarta.servlet.request.cipher_suite")
                        + (peer == null ? "" : " " + peer[0].getSubjectX500Principal().getName()));
            }
        });
        context.addServletMappingDecoded("/", "hello");
        tomcat.start();
        return connector.getLocalPort();
    }

    @ParameterizedTest(name = "curl {0}")
    @CsvSource({"--http2, 2, HTTP/2.0", "--http1.1, 1.1, HTTP/1.1"})
    void curlReachesTomcatOnOurProvider(String curlFlag, String curlVersion, String servletProtocol) throws Exception {
        PemFiles pem = SERVER.writePem(dir.resolve("pem"));
        int port = startTomcat(null);

        Curl.Response result = Curl.fetch("https://127.0.0.1:" + port + "/", pem.ca(), curlFlag);

        assertThat(result.status()).as(result.output()).isEqualTo(200);
        assertThat(result.httpVersion()).isEqualTo(curlVersion);
        assertThat(result.body()).startsWith(servletProtocol + " TLS_");
        assertThat(Recording.SESSIONS).isNotEmpty().allSatisfy(session -> {
            assertThat(session.getClass().getName()).isEqualTo(SIOTLS_SESSION);
            assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
        });
    }

    @Test
    void tomcatRequiresAndReadsTheClientCertificate() throws Exception {
        Identity client = TestPki.client(KeyType.EC_P256);
        PemFiles serverPem = SERVER.writePem(dir.resolve("server"));
        PemFiles clientPem = client.writePem(dir.resolve("client"));
        int port = startTomcat(client);
        String url = "https://127.0.0.1:" + port + "/";

        Curl.Response result = Curl.fetch(url, serverPem.ca(), "--http2", "--cert", clientPem.chain().toString(),
                "--key", clientPem.key().toString());

        assertThat(result.status()).as(result.output()).isEqualTo(200);
        assertThat(result.httpVersion()).isEqualTo("2");
        assertThat(result.body()).endsWith(" " + client.leaf().getSubjectX500Principal().getName());
        assertThat(Recording.SESSIONS).isNotEmpty().allSatisfy(session ->
                assertThat(session.getClass().getName()).isEqualTo(SIOTLS_SESSION));
        assertThatThrownBy(() -> Curl.fetch(url, serverPem.ca(), "--http1.1"))
                .hasMessageContaining("certificate required");
    }
}
