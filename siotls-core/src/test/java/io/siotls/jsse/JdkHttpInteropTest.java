package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDK's HTTP clients and server over loopback, one side on our provider and the other on
 * SunJSSE: {@code java.net.http.HttpClient} (an SSLEngine host that never calls beginHandshake,
 * unwraps into a 512-byte buffer first and runs tasks on other threads), {@code HttpsURLConnection}
 * (an SSLSocket host) and {@code com.sun.net.httpserver.HttpsServer}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdkHttpInteropTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    private ExecutorService executor;

    @BeforeEach
    void startExecutor() {
        executor = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static SSLContext ourServerContext() throws Exception {
        return SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null);
    }

    private static SSLContext sunClientContext() throws Exception {
        return JsseMaterial.sunJsse(null, JsseMaterial.trustManagers(SERVER));
    }

    @Test
    void jdkHttpClientReachesOurServerSocket() throws Exception {
        try (TinyHttpsServer server = new TinyHttpsServer(ourServerContext())) {
            HttpClient client = HttpClient.newBuilder().sslContext(sunClientContext()).executor(executor)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/hello"))
                                .timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(TinyHttpsServer.BODY);
                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
                assertThat(response.sslSession()).get().extracting(s -> s.getProtocol()).isEqualTo("TLSv1.3");
            }
            assertThat(server.failures).isEmpty();
            assertThat(server.accepted).hasSize(3).allSatisfy(s -> assertThat(s).isInstanceOf(SiotlsSSLSocket.class));
        }
    }

    @Test
    void httpsUrlConnectionReachesOurServerSocket() throws Exception {
        try (TinyHttpsServer server = new TinyHttpsServer(ourServerContext())) {
            HttpsURLConnection connection = (HttpsURLConnection) new URL("https://localhost:" + server.port() + "/")
                    .openConnection();
            connection.setSSLSocketFactory(sunClientContext().getSocketFactory());
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(20_000);
            try {
                assertThat(connection.getResponseCode()).isEqualTo(200);
                assertThat(connection.getCipherSuite()).startsWith("TLS_");
                try (InputStream in = connection.getInputStream()) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TinyHttpsServer.BODY);
                }
            } finally {
                connection.disconnect();
            }
            assertThat(server.failures).isEmpty();
            assertThat(server.accepted).singleElement().isInstanceOf(SiotlsSSLSocket.class);
        }
    }

    /** The JDK's HttpsServer on SunJSSE: GET returns a large pseudo-random body, POST echoes the SHA-256 of the body. */
    private HttpsServer sunJsseHttpsServer(byte[] download) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(
                JsseMaterial.sunJsse(JsseMaterial.keyManagers(SERVER), null)));
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] reply;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                reply = "POST".equals(exchange.getRequestMethod())
                        ? sha256(body).getBytes(StandardCharsets.US_ASCII) : download;
            }
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        return server;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void ourHttpClientReachesJdkHttpsServer() throws Exception {
        byte[] download = randomBytes(300_000, 1);
        byte[] upload = randomBytes(200_000, 2);
        HttpsServer server = sunJsseHttpsServer(download);
        try {
            RecordingSSLContext ours = RecordingSSLContext.of(
                    SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)));
            HttpClient client = HttpClient.newBuilder().sslContext(ours).executor(executor)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/data");

            HttpResponse<byte[]> got = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(got.body()).isEqualTo(download);

            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(upload)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(200);
            assertThat(posted.body()).isEqualTo(sha256(upload));

            HttpResponse<String> async = client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("small")).build(), HttpResponse.BodyHandlers.ofString())
                    .get(20, TimeUnit.SECONDS);
            assertThat(async.body()).isEqualTo(sha256("small".getBytes(StandardCharsets.US_ASCII)));

            assertThat(ours.getProvider().getName()).isEqualTo("siotls");
            assertThat(ours.created()).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(SiotlsSSLEngine.class));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void ourHttpsUrlConnectionReachesJdkHttpsServer() throws Exception {
        byte[] download = randomBytes(100_000, 3);
        HttpsServer server = sunJsseHttpsServer(download);
        try {
            RecordingSSLContext ours = RecordingSSLContext.of(
                    SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)));
            HttpsURLConnection connection = (HttpsURLConnection) new URL(
                    "https://localhost:" + server.getAddress().getPort() + "/data").openConnection();
            connection.setSSLSocketFactory(ours.getSocketFactory());
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(20_000);
            try {
                assertThat(connection.getResponseCode()).isEqualTo(200);
                assertThat(connection.getCipherSuite()).startsWith("TLS_");
                assertThat(connection.getServerCertificates()[0]).isEqualTo(SERVER.leaf());
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                try (InputStream in = connection.getInputStream()) {
                    in.transferTo(body);
                }
                assertThat(body.toByteArray()).isEqualTo(download);
            } finally {
                connection.disconnect();
            }
            assertThat(ours.created()).singleElement().isInstanceOf(SiotlsSSLSocket.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void ourHttpClientRefusesAnUntrustedServer() throws Exception {
        HttpsServer server = sunJsseHttpsServer(new byte[10]);
        try {
            Identity other = TestPki.server(KeyType.RSA_2048);
            HttpClient client = HttpClient.newBuilder().executor(executor)
                    .sslContext(SiotlsJsse.context(null, JsseMaterial.trustManagers(other))).build();
            URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/");
            assertThatThrownBy(() -> client.send(
                            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                    .hasMessageContaining("unknown_ca");
        } finally {
            server.stop(0);
        }
    }
}
