package io.siotls.spring.autoconfigure.restclient;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.siotls.Side;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.SunJsseHttpsServer;
import io.siotls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The auto-configured RestClient and RestTemplate against the JDK's HTTPS server on SunJSSE
 * requiring a client certificate, configured only with siotls.client.* properties, for each
 * request factory Boot can pick.
 */
class SiotlsRestClientTest {

    static final String CLIENT_SUBJECT = "CN=client.example";

    @TempDir
    static Path directory;

    static TestPki pki;
    static TestPki.Leaf serverLeaf;
    static TestPki.Leaf clientLeaf;
    static TestPki.Leaf wrongHostLeaf;
    static TestPki.Leaf impostorLeaf;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class, SslAutoConfiguration.class,
                    HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
                    RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class,
                    SiotlsRestClientAutoConfiguration.class))
            .withPropertyValues("siotls.client.truststore=" + location(pki.caFile()),
                    "siotls.client.certificate-chain=" + location(clientLeaf.chainFile()),
                    "siotls.client.private-key=" + location(clientLeaf.keyFile()));

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki(Files.createDirectories(directory.resolve("trusted")));
        serverLeaf = pki.leaf("server", "localhost");
        clientLeaf = pki.leaf("client", "client.example");
        wrongHostLeaf = pki.leaf("wrong-host", "wrong.example");
        impostorLeaf = new TestPki(Files.createDirectories(directory.resolve("impostor"))).leaf("impostor", "localhost");
    }

    @ParameterizedTest
    @EnumSource(RequestFactory.class)
    void restClientPresentsTheClientCertificateOnOurEngine(RequestFactory factory) throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.withPropertyValues(factory.chosen()).run(context -> {
                assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class).build()).isInstanceOf(factory.type());
                HandshakeRecorder handshakes = recordHandshakes(context);

                ResponseEntity<String> response = context.getBean(RestClient.Builder.class).build()
                        .get().uri(server.url()).retrieve().toEntity(String.class);

                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(response.getBody()).isEqualTo("hello " + CLIENT_SUBJECT);
                assertServedOnOurEngine(server, handshakes);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(RequestFactory.class)
    void serverOfAnotherAuthorityIsRefusedByOurEngine(RequestFactory factory) throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(impostorLeaf, pki.caFile())) {
            runner.withPropertyValues(factory.chosen()).run(context -> {
                HandshakeRecorder handshakes = recordHandshakes(context);

                assertRefusedInTheHandshake(call(context, server));

                assertThat(server.seen()).isEmpty();
                assertThat(handshakes.completed()).isEmpty();
                assertThat(handshakes.failed()).isNotEmpty();
            });
        }
    }

    @ParameterizedTest
    @EnumSource(RequestFactory.class)
    void serverCertificateForAnotherHostIsRefusedByOurEngine(RequestFactory factory) throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(wrongHostLeaf, pki.caFile())) {
            runner.withPropertyValues(factory.chosen()).run(context -> {
                HandshakeRecorder handshakes = recordHandshakes(context);

                assertRefusedInTheHandshake(call(context, server));

                assertThat(server.seen()).isEmpty();
                assertThat(handshakes.completed()).isEmpty();
                assertThat(handshakes.failed()).isNotEmpty()
                        .allSatisfy(event -> assertThat(event.failure()).hasMessageContaining("localhost"));
            });
        }
    }

    @Test
    void restTemplateBuilderIsOnOurEngineToo() throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.run(context -> {
                HandshakeRecorder handshakes = recordHandshakes(context);

                ResponseEntity<String> response = context.getBean(RestTemplateBuilder.class).build()
                        .getForEntity(server.url(), String.class);

                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(response.getBody()).isEqualTo("hello " + CLIENT_SUBJECT);
                assertServedOnOurEngine(server, handshakes);
            });
        }
    }

    @Test
    void jsseImplementationServesTheSameMaterialOnSunJsse() throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.withPropertyValues("siotls.implementation=jsse").run(context -> {
                SSLContext client = context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class);
                assertThat(client).isNotInstanceOf(SiotlsSSLContext.class);
                assertThat(client.getProvider().getName()).isEqualTo("SunJSSE");

                String body = context.getBean(RestClient.Builder.class).build()
                        .get().uri(server.url()).retrieve().body(String.class);

                assertThat(body).isEqualTo("hello " + CLIENT_SUBJECT);
                assertThat(server.seen()).singleElement()
                        .satisfies(seen -> assertThat(seen.clientSubject()).isEqualTo(CLIENT_SUBJECT));
                assertThat(Collections.list(client.getClientSessionContext().getIds()))
                        .as("sessions SunJSSE cached in the client context bean").isNotEmpty()
                        .allSatisfy(id -> assertThat(client.getClientSessionContext().getSession(id).getPeerPort())
                                .isEqualTo(server.port()));
            });
        }
    }

    @Test
    void withoutAnyClientPropertyOurEngineVerifiesServersAgainstTheSystemTrustStore() throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class,
                            HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
                            RestClientAutoConfiguration.class, SiotlsRestClientAutoConfiguration.class))
                    .run(context -> {
                        HandshakeRecorder handshakes = recordHandshakes(context);

                        assertRefusedInTheHandshake(call(context, server));

                        assertThat(handshakes.failed()).isNotEmpty();
                        assertThat(server.seen()).isEmpty();
                    });
        }
    }

    static HandshakeRecorder recordHandshakes(ApplicationContext context) {
        return HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
    }

    static Throwable call(ApplicationContext context, SunJsseHttpsServer server) {
        return catchThrowable(() -> context.getBean(RestClient.Builder.class).build()
                .get().uri(server.url()).retrieve().toBodilessEntity());
    }

    static void assertServedOnOurEngine(SunJsseHttpsServer server, HandshakeRecorder handshakes) {
        assertThat(server.seen()).hasSize(1);
        SunJsseHttpsServer.Seen seen = server.seen().get(0);
        assertThat(seen.clientSubject()).isEqualTo(CLIENT_SUBJECT);
        assertThat(seen.protocol()).isEqualTo("TLSv1.3");
        assertThat(handshakes.failed()).isEmpty();
        assertThat(handshakes.completed()).hasSize(1);
        HandshakeEvent handshake = handshakes.completed().get(0);
        assertThat(handshake.side()).isEqualTo(Side.CLIENT);
        assertThat(handshake.negotiated().cipherSuite().ianaName()).isEqualTo(seen.cipherSuite());
        assertThat(handshake.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                .isEqualTo("CN=localhost");
    }

    static void assertRefusedInTheHandshake(Throwable thrown) {
        assertThat(thrown).isInstanceOf(ResourceAccessException.class);
        assertThat(causes(thrown)).as("causes of %s", thrown).anyMatch(SSLHandshakeException.class::isInstance);
    }

    static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, cause -> cause != null, Throwable::getCause);
    }
}
