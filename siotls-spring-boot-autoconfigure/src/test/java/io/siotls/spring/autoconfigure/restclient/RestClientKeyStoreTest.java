package io.siotls.spring.autoconfigure.restclient;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.KeyStorePki;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.SunJsseHttpsServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

/**
 * The auto-configured RestClient with siotls.client.key-store and a key store truststore, against
 * the JDK's HTTPS server on SunJSSE requiring a client certificate: the server sees the key
 * store's certificate, and our engine verified the server against the trust store's CA.
 */
class RestClientKeyStoreTest {

    @TempDir
    static Path directory;

    private static KeyStorePki stores;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class, HttpClientAutoConfiguration.class,
                    ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
                    SiotlsRestClientAutoConfiguration.class));

    @BeforeAll
    static void writeStores() {
        stores = new KeyStorePki(directory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client.p12", "client.jks"})
    void theClientKeyStoresCertificateReachesAnIndependentServer(String keyStore) throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(stores.leaf("server"), stores.file("ca.pem"))) {
            runner.withPropertyValues(stores.keyAndTrustStores("siotls.client", keyStore)).run(context -> {
                HandshakeRecorder handshakes = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);

                String body = context.getBean(RestClient.Builder.class).build().get().uri(server.url()).retrieve()
                        .body(String.class);

                assertThat(body).isEqualTo("hello CN=client.example");
                assertThat(server.seen()).singleElement().satisfies(seen ->
                        assertThat(seen.protocol()).isEqualTo("TLSv1.3"));
                assertThat(handshakes.completed()).singleElement().satisfies(event -> assertThat(
                        event.negotiated().peerCertificateChain().get(0)).isEqualTo(stores.leaf("server").certificate()));
            });
        }
    }
}
