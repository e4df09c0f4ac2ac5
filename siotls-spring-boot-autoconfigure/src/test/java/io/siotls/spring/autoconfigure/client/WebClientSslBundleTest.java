package io.siotls.spring.autoconfigure.client;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.siotls.Side;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsNamedClients;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.testing.SunJsseHttpsServer;
import io.siotls.testing.TestPki;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An SSL bundle chosen for a WebClient ({@code spring.http.clients.ssl.bundle},
 * {@code WebClientSsl.fromBundle}) is the client's own, on each connector Boot offers:
 * a siotls bundle ({@code siotls-client}, a named client's {@code siotls-<name>}) runs on its own
 * siotls context, a plain Boot bundle on the JDK's TLS with its
 * own trust store and certificate, and a WebClient without a bundle stays on the siotls client
 * context. Two PKIs, each with its own root: {@code siotls.client.*} trusts and is trusted by
 * the first only; the bundles under test are made from the second, so a WebClient handed the
 * {@code siotls-client} material instead of its bundle's fails the handshake. The servers are the
 * JDK's own HTTPS server, requiring a client certificate.
 */
class WebClientSslBundleTest {

    private static final String SECOND_CLIENT_SUBJECT = "CN=client-b.example";

    @TempDir
    static Path directory;

    private static SunJsseHttpsServer firstServer;
    private static SunJsseHttpsServer secondServer;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    SiotlsSslBundleAutoConfiguration.class, SiotlsWebClientAutoConfiguration.class,
                    HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
                    WebClientAutoConfiguration.class))
            .withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s",
                    "siotls.client.truststore=" + location(directory.resolve("a/ca.pem")),
                    "siotls.client.certificate-chain=" + location(directory.resolve("a/client.pem")),
                    "siotls.client.private-key=" + location(directory.resolve("a/client-key.pem")),
                    "spring.ssl.bundle.pem.own.keystore.certificate=" + location(directory.resolve("b/client.pem")),
                    "spring.ssl.bundle.pem.own.keystore.private-key=" + location(directory.resolve("b/client-key.pem")),
                    "spring.ssl.bundle.pem.own.truststore.certificate=" + location(directory.resolve("b/ca.pem")));

    @BeforeAll
    static void start() throws Exception {
        TestPki first = new TestPki(Files.createDirectories(directory.resolve("a")));
        first.leaf("client", "client-a.example");
        TestPki second = new TestPki(Files.createDirectories(directory.resolve("b")));
        second.leaf("client", "client-b.example");
        firstServer = new SunJsseHttpsServer(first.leaf("server", "localhost"), first.caFile());
        secondServer = new SunJsseHttpsServer(second.leaf("server", "localhost"), second.caFile());
    }

    @AfterAll
    static void stop() {
        firstServer.close();
        secondServer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "jdk", "http-components", "jetty"})
    void plainBundleForTheClientsRunsOnTheJdkWithItsOwnTrust(String connector) {
        runner.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
                "spring.http.clients.ssl.bundle=own").run(context -> {
                    HandshakeRecorder siotlsClient = clientContextHandshakes(context);

                    String body = get(context.getBean(WebClient.Builder.class), secondServer);

                    assertThat(body).isEqualTo("hello " + SECOND_CLIENT_SUBJECT);
                    assertThat(siotlsClient.events()).isEmpty();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "jdk", "http-components", "jetty"})
    void plainBundleFromWebClientSslRunsOnTheJdkWhileOtherClientsStayOnSiotls(String connector) {
        runner.withPropertyValues("spring.http.clients.reactive.connector=" + connector).run(context -> {
            HandshakeRecorder siotlsClient = clientContextHandshakes(context);
            WebClient.Builder bundled = context.getBean(WebClient.Builder.class)
                    .apply(context.getBean(WebClientSsl.class).fromBundle("own"));

            assertThat(get(bundled, secondServer)).isEqualTo("hello " + SECOND_CLIENT_SUBJECT);
            assertThat(siotlsClient.events()).isEmpty();

            assertThat(get(context.getBean(WebClient.Builder.class), firstServer)).isEqualTo("hello CN=client-a.example");
            assertThat(siotlsClient.completed()).hasSize(1);
            assertThat(siotlsClient.failed()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "jdk", "http-components", "jetty"})
    void plainBundleKeepsItsOwnTrustAndRefusesTheOtherServer(String connector) {
        runner.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
                "spring.http.clients.ssl.bundle=own").run(context -> {
                    HandshakeRecorder siotlsClient = clientContextHandshakes(context);

                    Throwable thrown = catchThrowable(() -> get(context.getBean(WebClient.Builder.class), firstServer));

                    assertThat(thrown).as("a server only siotls.client.truststore trusts").isNotNull();
                    assertThat(siotlsClient.events()).isEmpty();
                    assertThat(firstServer.seen()).noneMatch(seen -> seen.clientSubject().equals(SECOND_CLIENT_SUBJECT));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "jdk", "http-components", "jetty"})
    void siotlsClientBundleForTheClientsRunsOnOurEngine(String connector) {
        runner.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
                "spring.http.clients.ssl.bundle=" + SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE).run(context -> {
                    HandshakeRecorder siotlsClient = clientContextHandshakes(context);

                    String body = get(context.getBean(WebClient.Builder.class), firstServer);

                    assertThat(body).isEqualTo("hello CN=client-a.example");
                    assertServedOnSiotls(siotlsClient, firstServer);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "jdk", "http-components", "jetty"})
    void namedClientBundleRunsOnItsOwnContextNotOnTheClientContext(String connector) {
        runner.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
                "siotls.clients.payments.truststore=" + location(directory.resolve("b/ca.pem")),
                "siotls.clients.payments.certificate-chain=" + location(directory.resolve("b/client.pem")),
                "siotls.clients.payments.private-key=" + location(directory.resolve("b/client-key.pem"))).run(context -> {
                    HandshakeRecorder siotlsClient = clientContextHandshakes(context);
                    HandshakeRecorder payments = HandshakeRecorder.attach(
                            context.getBean(SiotlsNamedClients.class).get("payments").context());
                    WebClient.Builder bundled = context.getBean(WebClient.Builder.class)
                            .apply(context.getBean(WebClientSsl.class).fromBundle("siotls-payments"));

                    String body = get(bundled, secondServer);

                    assertThat(body).isEqualTo("hello " + SECOND_CLIENT_SUBJECT);
                    assertServedOnSiotls(payments, secondServer);
                    assertThat(siotlsClient.events()).isEmpty();
                });
    }

    @Test
    void namedClientBundleOnReactorNettyTimesTheHandshakeWithItsOwnTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            runner.withPropertyValues("spring.http.clients.reactive.connector=reactor",
                    "siotls.client.handshake-timeout=60s", "siotls.clients.slow.handshake-timeout=300ms").run(context -> {
                        WebClient.Builder bundled = context.getBean(WebClient.Builder.class)
                                .apply(context.getBean(WebClientSsl.class).fromBundle("siotls-slow"));
                        long start = System.nanoTime();

                        Throwable thrown = catchThrowable(() -> bundled.build().get()
                                .uri("https://localhost:" + silent.getLocalPort() + "/").retrieve()
                                .bodyToMono(String.class).block(Duration.ofSeconds(20)));

                        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                        assertThat(Stream.iterate(thrown, cause -> cause != null, Throwable::getCause))
                                .as("causes of %s", thrown).anyMatch(SslHandshakeTimeoutException.class::isInstance);
                        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(10));
                    });
        }
    }

    private static HandshakeRecorder clientContextHandshakes(ApplicationContext context) {
        return HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
    }

    private static String get(WebClient.Builder builder, SunJsseHttpsServer server) {
        return builder.build().get().uri(server.url()).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20));
    }

    private static void assertServedOnSiotls(HandshakeRecorder handshakes, SunJsseHttpsServer server) {
        SunJsseHttpsServer.Seen seen = server.seen().get(server.seen().size() - 1);
        assertThat(seen.protocol()).isEqualTo("TLSv1.3");
        assertThat(handshakes.failed()).isEmpty();
        assertThat(handshakes.completed()).hasSize(1);
        HandshakeEvent handshake = handshakes.completed().get(0);
        assertThat(handshake.side()).isEqualTo(Side.CLIENT);
        assertThat(handshake.negotiated().cipherSuite().ianaName()).isEqualTo(seen.cipherSuite());
    }
}
