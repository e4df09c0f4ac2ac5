package io.siotls.spring.autoconfigure.restclient;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.siotls.testing.TestPki;
import java.net.http.HttpConnectTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * siotls.client.handshake-timeout ends the handshake with a server that accepts the connection
 * and never answers, in the libraries that have a timeout covering the handshake. Boot's read
 * timeout (20 s) stands behind it, so a handshake timeout not applied fails the test rather
 * than hanging it.
 */
class SiotlsRestClientTimeoutTest {

    @TempDir
    static Path directory;

    static String truststore;

    @BeforeAll
    static void pki() {
        truststore = location(new TestPki(directory).caFile());
    }

    @ParameterizedTest
    @EnumSource(value = RequestFactory.class, names = {"JDK", "REACTOR", "HTTP_COMPONENTS"})
    void handshakeTimeoutEndsTheHandshakeWithASilentServer(RequestFactory factory) throws Exception {
        try (SilentServer server = new SilentServer()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class, HttpClientAutoConfiguration.class,
                            ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
                            SiotlsRestClientAutoConfiguration.class))
                    .withPropertyValues(factory.chosen(), "siotls.client.truststore=" + truststore,
                            "siotls.client.handshake-timeout=300ms", "spring.http.clients.read-timeout=20s")
                    .run(context -> {
                        RestClient client = context.getBean(RestClient.Builder.class).build();
                        long start = System.nanoTime();

                        Throwable thrown = catchThrowable(() -> client.get().uri(server.url()).retrieve().toBodilessEntity());

                        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                        assertThat(thrown).isInstanceOf(ResourceAccessException.class);
                        assertThat(Stream.iterate(thrown, cause -> cause != null, Throwable::getCause))
                                .as("causes of %s", thrown).anyMatch(timeoutOf(factory)::isInstance);
                        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
                    });
        }
    }

    private static Class<? extends Exception> timeoutOf(RequestFactory factory) {
        return switch (factory) {
            case JDK -> HttpConnectTimeoutException.class;
            case REACTOR -> SslHandshakeTimeoutException.class;
            case HTTP_COMPONENTS -> javax.net.ssl.SSLHandshakeException.class;
            case JETTY -> throw new IllegalArgumentException("Jetty has no timeout covering the TLS handshake");
        };
    }
}
