package io.siotls.spring.autoconfigure.client;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.SunJsseHttpsServer;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the WebClient integration gives way to what the application chose: its own connector
 * builder, its own customizers, a customizer of our name; and when it backs off.
 */
@ExtendWith(OutputCaptureExtension.class)
class SiotlsWebClientAutoConfigurationTest {

    @TempDir
    static Path directory;

    private static SunJsseHttpsServer server;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    SiotlsWebClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
                    ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class))
            .withPropertyValues("spring.reactor.netty.shutdown-quiet-period=0s",
                    "siotls.client.truststore=" + location(directory.resolve("ca.pem")),
                    "siotls.client.certificate-chain=" + location(directory.resolve("client.pem")),
                    "siotls.client.private-key=" + location(directory.resolve("client-key.pem")));

    @BeforeAll
    static void start() throws Exception {
        TestPki pki = new TestPki(directory);
        pki.leaf("client", "client.example");
        server = new SunJsseHttpsServer(pki.leaf("server", "localhost"), pki.caFile());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void applicationCustomizersSeeTheLibrarysBuilderBeforeOurs() {
        runner.withPropertyValues("spring.http.clients.reactive.connector=jdk")
                .withUserConfiguration(JdkCustomizerConfiguration.class).run(context -> {
                    assertThat(context.getBean(JdkExecutorCustomizer.class).calls).hasValue(1);
                    assertThat(context.getBean(ClientHttpConnectorBuilder.class))
                            .isInstanceOf(SiotlsClientHttpConnectorBuilder.class);
                    HandshakeRecorder handshakes = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);

                    String body = context.getBean(WebClient.Builder.class).build().get().uri(server.url()).retrieve()
                            .bodyToMono(String.class).block(Duration.ofSeconds(20));

                    assertThat(body).isEqualTo("hello CN=client.example");
                    assertThat(handshakes.completed()).hasSize(1);
                });
    }

    @Test
    void applicationBuilderIsUsedAsIs() {
        ClientHttpConnectorBuilder<?> own = ClientHttpConnectorBuilder.jdk();
        runner.withBean(ClientHttpConnectorBuilder.class, () -> own).run(context -> {
            assertThat(context).getBean(ClientHttpConnectorBuilder.class).isSameAs(own);
            assertThat(context).hasBean(SiotlsWebClientAutoConfiguration.BUILDER_CUSTOMIZER);
        });
    }

    @Test
    void applicationCustomizerOfTheSameNameReplacesOurs() {
        runner.withBean(SiotlsWebClientAutoConfiguration.BUILDER_CUSTOMIZER, ClientHttpConnectorBuilderCustomizer.class,
                () -> builder -> builder).run(context -> {
                    assertThat(context).doesNotHaveBean(SiotlsConnectorBuilderCustomizer.class);
                    assertThat(context).getBean(ClientHttpConnectorBuilder.class)
                            .isNotInstanceOf(SiotlsClientHttpConnectorBuilder.class);
                });
    }

    @Test
    void builderOfAnotherTypeIsLeftAloneWithAWarning(CapturedOutput output) throws Exception {
        ClientHttpConnectorBuilder<ClientHttpConnector> other = settings -> new JdkClientHttpConnector();
        ClientHttpConnectorBuilder<?> customized = new SiotlsConnectorBuilderCustomizer(
                SSLContext.getDefault(), null).customize(other);
        assertThat(customized).isSameAs(other);
        assertThat(output).contains("siotls: the HTTP connector builder " + other.getClass().getName()
                + " cannot be given an SSLContext");
    }

    @Test
    void backsOffWithoutTheClientContext() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                ReactiveHttpClientAutoConfiguration.class, SiotlsWebClientAutoConfiguration.class)).run(context -> {
                    assertThat(context).doesNotHaveBean(SiotlsWebClientAutoConfiguration.class);
                    assertThat(context).getBean(ClientHttpConnectorBuilder.class)
                            .isNotInstanceOf(SiotlsClientHttpConnectorBuilder.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class JdkCustomizerConfiguration {

        @Bean
        JdkExecutorCustomizer jdkExecutorCustomizer() {
            return new JdkExecutorCustomizer();
        }
    }

    /** An application's customizer of the JDK builder, as a class so that Boot can see its type. */
    static class JdkExecutorCustomizer implements ClientHttpConnectorBuilderCustomizer<JdkClientHttpConnectorBuilder> {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public JdkClientHttpConnectorBuilder customize(JdkClientHttpConnectorBuilder builder) {
            calls.incrementAndGet();
            return builder.withHttpClientCustomizer(client -> client.connectTimeout(Duration.ofSeconds(7)));
        }
    }
}
