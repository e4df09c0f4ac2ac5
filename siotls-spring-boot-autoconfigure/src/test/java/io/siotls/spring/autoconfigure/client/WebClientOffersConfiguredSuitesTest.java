package io.siotls.spring.autoconfigure.client;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.restclient.SiotlsRestClientAutoConfiguration;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PeerCommand;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Issue 15: the WebClient on Reactor Netty, and the RestClient on Reactor Netty, offer exactly the configured cipher suites, in the
 * configured order, never Netty's own list ({@code 0x1301, 0x1302}); the ClientHello is read off
 * {@code openssl s_server -trace}, a real peer.
 */
class WebClientOffersConfiguredSuitesTest {

    private static final Pattern SUITE = Pattern.compile("\\{0x([0-9A-Fa-f]{2}), 0x([0-9A-Fa-f]{2})\\}");

    @TempDir
    static Path pkiDir;

    private static PemFiles serverPem;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    SiotlsWebClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
                    ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
            .withPropertyValues("spring.http.clients.reactive.connector=reactor",
                    "siotls.client.truststore=" + location(pkiDir.resolve("ca.pem")));

    private final ApplicationContextRunner restRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
                    RestClientAutoConfiguration.class, SiotlsRestClientAutoConfiguration.class))
            .withPropertyValues("spring.http.clients.imperative.factory=reactor",
                    "siotls.client.truststore=" + location(pkiDir.resolve("ca.pem")));

    @BeforeAll
    static void makePki() {
        TestPki pki = new TestPki(pkiDir);
        TestPki.Leaf server = pki.leaf("server", "localhost");
        serverPem = new PemFiles(server.keyFile(), server.chainFile(), pki.caFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256",
            "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384", ""})
    void theClientHelloListsTheConfiguredSuitesInOrder(String suites) throws Exception {
        PeerCommand.require("openssl");
        List<String> expected = suites.isEmpty() ? List.of("1302", "1301", "1303") // siotls' default order
                : List.of(suites.split(",")).stream().map(WebClientOffersConfiguredSuitesTest::code).toList();
        String[] properties = suites.isEmpty() ? new String[0] : new String[] {"siotls.client.cipher-suites=" + suites};
        try (OpenSslServer server = OpenSslServer.start(serverPem, "-www", "-trace", "-naccept", "1")) {
            runner.withPropertyValues(properties).run(context -> {
                WebClient web = context.getBean(WebClient.Builder.class)
                        .baseUrl("https://localhost:" + server.port()).build();
                String body = web.get().uri("/").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(20));
                assertThat(body).contains("Cipher is " + expectedName(suites));
                assertThat(offeredSuites(server.process().output())).as(server.process().output())
                        .containsExactlyElementsOf(expected);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256",
            "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384", ""})
    void theRestClientOnReactorNettyToo(String suites) throws Exception {
        PeerCommand.require("openssl");
        List<String> expected = suites.isEmpty() ? List.of("1302", "1301", "1303")
                : List.of(suites.split(",")).stream().map(WebClientOffersConfiguredSuitesTest::code).toList();
        String[] properties = suites.isEmpty() ? new String[0] : new String[] {"siotls.client.cipher-suites=" + suites};
        try (OpenSslServer server = OpenSslServer.start(serverPem, "-www", "-trace", "-naccept", "1")) {
            restRunner.withPropertyValues(properties).run(context -> {
                String body = context.getBean(RestClient.Builder.class).build()
                        .get().uri("https://localhost:" + server.port() + "/").retrieve().body(String.class);
                assertThat(body).contains("Cipher is " + expectedName(suites));
                assertThat(offeredSuites(server.process().output())).as(server.process().output())
                        .containsExactlyElementsOf(expected);
            });
        }
    }

    private static String expectedName(String suites) {
        return suites.isEmpty() ? "TLS_AES_256_GCM_SHA384" : suites.split(",")[0];
    }

    private static String code(String suite) {
        return switch (suite) {
            case "TLS_AES_128_GCM_SHA256" -> "1301";
            case "TLS_AES_256_GCM_SHA384" -> "1302";
            case "TLS_CHACHA20_POLY1305_SHA256" -> "1303";
            default -> throw new IllegalArgumentException(suite);
        };
    }

    /** The cipher suites of the first ClientHello in an {@code openssl s_server -trace} output, as hex codes. */
    static List<String> offeredSuites(String trace) {
        int hello = trace.indexOf("ClientHello");
        assertThat(hello).as("a ClientHello was traced").isNotNegative();
        String[] lines = trace.substring(hello).split("\\R");
        List<String> codes = new ArrayList<>();
        boolean inSuites = false;
        for (String line : lines) {
            if (line.trim().startsWith("cipher_suites")) {
                inSuites = true;
                continue;
            }
            if (inSuites) {
                Matcher matcher = SUITE.matcher(line);
                if (!matcher.find()) {
                    break;
                }
                codes.add((matcher.group(1) + matcher.group(2)).toLowerCase());
            }
        }
        return codes;
    }
}
