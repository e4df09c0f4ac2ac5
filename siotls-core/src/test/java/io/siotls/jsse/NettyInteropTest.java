package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.siotls.testing.Curl;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Netty's SslHandler over our SSLEngine through {@code JdkSslContext}, with HTTP/1.1 and HTTP/2
 * chosen by ALPN: our Netty server reached by curl (OpenSSL), our Netty client against a Netty
 * server on SunJSSE.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NettyInteropTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    @ParameterizedTest(name = "curl {0}")
    @CsvSource({"--http2, 2, h2", "--http1.1, 1.1, http/1.1"})
    void curlReachesOurNettyServer(String curlFlag, String curlVersion, String alpn, @TempDir Path dir)
            throws Exception {
        PemFiles pem = SERVER.writePem(dir);
        RecordingSSLContext ours = RecordingSSLContext.of(SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null));
        try (NettyHttp netty = new NettyHttp()) {
            int port = netty.startServer(NettyHttp.nettyContext(ours, false, ClientAuth.NONE,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));

            Curl.Response result = Curl.fetch("https://127.0.0.1:" + port + "/", pem.ca(), curlFlag);

            assertThat(result.status()).as(result.output()).isEqualTo(200);
            assertThat(result.httpVersion()).isEqualTo(curlVersion);
            assertThat(result.body()).isEqualTo(NettyHttp.body(alpn));
        }
        assertThat(ours.handshaked()).singleElement().isInstanceOf(SiotlsSSLEngine.class);
    }

    @ParameterizedTest(name = "client offers {0}")
    @CsvSource({"h2, h2", "http/1.1, http/1.1"})
    void ourNettyClientReachesSunJsseNettyServer(String offered, String expected) throws Exception {
        RecordingSSLContext ours = RecordingSSLContext.of(SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER)));
        try (NettyHttp netty = new NettyHttp()) {
            int port = netty.startServer(NettyHttp.nettyContext(
                    JsseMaterial.sunJsse(JsseMaterial.keyManagers(SERVER), null), false, ClientAuth.NONE,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));

            NettyHttp.Reply reply = netty.get(NettyHttp.nettyContext(ours, true, ClientAuth.NONE, offered), port);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.protocol()).isEqualTo(expected);
            assertThat(reply.body()).isEqualTo(NettyHttp.body(expected));
        }
        assertThat(ours.handshaked()).singleElement().isInstanceOf(SiotlsSSLEngine.class);
    }

    @ParameterizedTest(name = "client offers {0}")
    @CsvSource({"h2, h2", "http/1.1, http/1.1"})
    void nettyOnOurEngineBothSidesWithMutualTls(String offered, String expected) throws Exception {
        Identity client = TestPki.client(KeyType.ED25519);
        RecordingSSLContext serverContext = RecordingSSLContext.of(
                SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), JsseMaterial.trustManagers(client)));
        RecordingSSLContext clientContext = RecordingSSLContext.of(
                SiotlsJsse.context(JsseMaterial.keyManagers(client), JsseMaterial.trustManagers(SERVER)));
        try (NettyHttp netty = new NettyHttp()) {
            int port = netty.startServer(NettyHttp.nettyContext(serverContext, false, ClientAuth.REQUIRE,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));

            NettyHttp.Reply reply = netty.get(NettyHttp.nettyContext(clientContext, true, ClientAuth.NONE, offered),
                    port);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.protocol()).isEqualTo(expected);
        }
        assertThat(serverContext.handshaked()).singleElement().isInstanceOf(SiotlsSSLEngine.class);
        assertThat(clientContext.handshaked()).singleElement().isInstanceOf(SiotlsSSLEngine.class);
        assertThat(((SiotlsSSLEngine) serverContext.handshaked().get(0)).getSession().getPeerCertificates()[0])
                .isEqualTo(client.leaf());
    }

    /** The JDK's HttpClient speaks HTTP/2 when ALPN chose it: on SunJSSE to our Netty server, on ours to SunJSSE's. */
    @ParameterizedTest(name = "our engine on the client: {0}")
    @ValueSource(booleans = {true, false})
    void jdkHttpClientSpeaksHttp2OverAlpn(boolean oursIsClient) throws Exception {
        RecordingSSLContext ours = RecordingSSLContext.of(oursIsClient
                ? SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER))
                : SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), null));
        SSLContext serverContext = oursIsClient ? JsseMaterial.sunJsse(JsseMaterial.keyManagers(SERVER), null) : ours;
        SSLContext clientContext = oursIsClient ? ours : JsseMaterial.sunJsse(null, JsseMaterial.trustManagers(SERVER));
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (NettyHttp netty = new NettyHttp()) {
            int port = netty.startServer(NettyHttp.nettyContext(serverContext, false, ClientAuth.NONE,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
            HttpClient client = HttpClient.newBuilder().sslContext(clientContext).executor(executor)
                    .version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("https://localhost:" + port + "/" + i)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(response.body()).isEqualTo(NettyHttp.body("h2"));
            }
        } finally {
            executor.shutdownNow();
            assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ours.handshaked()).singleElement().isInstanceOf(SiotlsSSLEngine.class);
    }
}
