package io.siotls.spring.autoconfigure.restclient;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.testing.SunJsseHttpsServer;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientSsl;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * When the RestClient integration applies, and how it gives way to what the application chose:
 * an SSL bundle, its own builder, its own customizers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SiotlsRestClientAutoConfigurationTest {

    private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(SiotlsAutoConfiguration.class,
            SslAutoConfiguration.class, HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
            RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class, SiotlsRestClientAutoConfiguration.class);

    @TempDir
    static Path directory;

    static TestPki pki;
    static TestPki.Leaf serverLeaf;
    static TestPki.Leaf clientLeaf;
    static String[] clientProperties;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AUTO_CONFIGURATIONS).withPropertyValues(clientProperties);

    @BeforeAll
    static void pki() {
        pki = new TestPki(directory);
        serverLeaf = pki.leaf("server", "localhost");
        clientLeaf = pki.leaf("client", "client.example");
        clientProperties = new String[] {"siotls.client.truststore=" + location(pki.caFile()),
            "siotls.client.certificate-chain=" + location(clientLeaf.chainFile()),
            "siotls.client.private-key=" + location(clientLeaf.keyFile())};
    }

    @ParameterizedTest
    @EnumSource(RequestFactory.class)
    void sslBundleChosenForTheClientsIsServedTheWayBootServesIt(RequestFactory factory) throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.withPropertyValues(factory.chosen(), "spring.http.clients.ssl.bundle=own",
                    "spring.ssl.bundle.pem.own.keystore.certificate=" + location(clientLeaf.chainFile()),
                    "spring.ssl.bundle.pem.own.keystore.private-key=" + location(clientLeaf.keyFile()),
                    "spring.ssl.bundle.pem.own.truststore.certificate=" + location(pki.caFile())).run(context -> {
                        HandshakeRecorder handshakes = SiotlsRestClientTest.recordHandshakes(context);

                        String body = context.getBean(RestClient.Builder.class).build()
                                .get().uri(server.url()).retrieve().body(String.class);

                        assertThat(body).isEqualTo("hello " + SiotlsRestClientTest.CLIENT_SUBJECT);
                        assertThat(handshakes.completed()).isEmpty();
                        assertThat(handshakes.failed()).isEmpty();
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(RequestFactory.class)
    void siotlsBundleChosenForTheClientsRunsOnOurEngine(RequestFactory factory) throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.withConfiguration(AutoConfigurations.of(SiotlsSslBundleAutoConfiguration.class))
                    .withPropertyValues(factory.chosen(), "spring.http.clients.ssl.bundle=siotls-client").run(context -> {
                        HandshakeRecorder handshakes = SiotlsRestClientTest.recordHandshakes(context);

                        String body = context.getBean(RestClient.Builder.class).build()
                                .get().uri(server.url()).retrieve().body(String.class);

                        assertThat(body).isEqualTo("hello " + SiotlsRestClientTest.CLIENT_SUBJECT);
                        SiotlsRestClientTest.assertServedOnOurEngine(server, handshakes);
                    });
        }
    }

    @Test
    void restClientSslBundleIsServedTheWayBootServesIt() throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.withPropertyValues("spring.ssl.bundle.pem.own.keystore.certificate=" + location(clientLeaf.chainFile()),
                    "spring.ssl.bundle.pem.own.keystore.private-key=" + location(clientLeaf.keyFile()),
                    "spring.ssl.bundle.pem.own.truststore.certificate=" + location(pki.caFile())).run(context -> {
                        HandshakeRecorder handshakes = SiotlsRestClientTest.recordHandshakes(context);

                        String body = context.getBean(RestClient.Builder.class)
                                .apply(context.getBean(RestClientSsl.class).fromBundle("own")).build()
                                .get().uri(server.url()).retrieve().body(String.class);

                        assertThat(body).isEqualTo("hello " + SiotlsRestClientTest.CLIENT_SUBJECT);
                        assertThat(handshakes.completed()).isEmpty();
                    });
        }
    }

    @Test
    void reactiveWebApplicationRestClientIsOnOurEngine() throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            new ReactiveWebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
                    .withPropertyValues(clientProperties).run(context -> {
                        assertThat(context).doesNotHaveBean(ImperativeHttpClientAutoConfiguration.class);
                        assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
                                .isInstanceOf(SiotlsClientHttpRequestFactoryBuilder.class);
                        HandshakeRecorder handshakes = SiotlsRestClientTest.recordHandshakes(context);

                        String body = context.getBean(RestClient.Builder.class).build()
                                .get().uri(server.url()).retrieve().body(String.class);

                        assertThat(body).isEqualTo("hello " + SiotlsRestClientTest.CLIENT_SUBJECT);
                        SiotlsRestClientTest.assertServedOnOurEngine(server, handshakes);
                    });
        }
    }

    @Test
    void applicationCustomizersSeeTheLibrarysBuilderBeforeOurs() throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.withPropertyValues(RequestFactory.JDK.chosen()).withUserConfiguration(JdkCustomizerConfiguration.class)
                    .run(context -> {
                        assertThat(context.getBean(JdkReadTimeoutCustomizer.class).calls).hasValue(1);
                        HandshakeRecorder handshakes = SiotlsRestClientTest.recordHandshakes(context);

                        context.getBean(RestClient.Builder.class).build().get().uri(server.url()).retrieve().toBodilessEntity();

                        SiotlsRestClientTest.assertServedOnOurEngine(server, handshakes);
                    });
        }
    }

    @Test
    void applicationBuilderIsUsedAsIs() {
        ClientHttpRequestFactoryBuilder<?> own = ClientHttpRequestFactoryBuilder.jdk();
        runner.withBean(ClientHttpRequestFactoryBuilder.class, () -> own).run(context -> {
            assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class).isSameAs(own);
            assertThat(context).hasBean(SiotlsRestClientAutoConfiguration.BUILDER_CUSTOMIZER);
        });
    }

    @Test
    void applicationCustomizerOfTheSameNameReplacesOurs() {
        runner.withBean(SiotlsRestClientAutoConfiguration.BUILDER_CUSTOMIZER, ClientHttpRequestFactoryBuilderCustomizer.class,
                () -> builder -> builder).run(context -> {
                    assertThat(context).doesNotHaveBean(SiotlsRequestFactoryBuilderCustomizer.class);
                    assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
                            .isNotInstanceOf(SiotlsClientHttpRequestFactoryBuilder.class);
                });
    }

    @Test
    void simpleFactoryCannotTakeAContextAndIsLeftAloneWithAWarning(CapturedOutput output) {
        runner.withPropertyValues("spring.http.clients.imperative.factory=simple").run(context -> {
            assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
                    .isInstanceOf(SimpleClientHttpRequestFactoryBuilder.class);
            assertThat(output).contains("siotls: the HTTP request factory builder "
                    + SimpleClientHttpRequestFactoryBuilder.class.getName() + " cannot be given an SSLContext");
        });
    }

    @Test
    void backsOffWithoutTheClientContext() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
                SiotlsRestClientAutoConfiguration.class)).run(context -> {
                    assertThat(context).doesNotHaveBean(SiotlsRestClientAutoConfiguration.class);
                    assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
                            .isNotInstanceOf(SiotlsClientHttpRequestFactoryBuilder.class);
                });
    }

    @Test
    void applicationClientContextAloneIsEnough() throws Exception {
        SSLContext own = SSLContext.getInstance("TLSv1.3");
        own.init(null, null, null);
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
                ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
                SiotlsRestClientAutoConfiguration.class))
                .withBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class, () -> own).run(context -> {
                    assertThat(context).hasSingleBean(SiotlsRequestFactoryBuilderCustomizer.class);
                    assertThat(context).getBean(ClientHttpRequestFactoryBuilder.class)
                            .isInstanceOf(SiotlsClientHttpRequestFactoryBuilder.class);
                });
    }

    @Test
    void backsOffWithoutBootsHttpClientSupport() {
        runner.withClassLoader(new FilteredClassLoader(ClientHttpRequestFactoryBuilder.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(SiotlsRestClientAutoConfiguration.class)
                        .hasBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT));
    }

    @Test
    void withOnlyTheJdkClientBootDetectsItAndItIsOnOurEngine() throws Exception {
        try (SunJsseHttpsServer server = new SunJsseHttpsServer(serverLeaf, pki.caFile())) {
            runner.withClassLoader(new FilteredClassLoader("org.apache.hc.", "org.eclipse.jetty.", "reactor.netty."))
                    .run(context -> {
                        ClientHttpRequestFactoryBuilder<?> builder = context.getBean(ClientHttpRequestFactoryBuilder.class);
                        assertThat(builder).isInstanceOf(SiotlsClientHttpRequestFactoryBuilder.class);
                        assertThat(builder.build()).isInstanceOf(JdkClientHttpRequestFactory.class);
                        HandshakeRecorder handshakes = SiotlsRestClientTest.recordHandshakes(context);

                        context.getBean(RestClient.Builder.class).build().get().uri(server.url()).retrieve().toBodilessEntity();

                        SiotlsRestClientTest.assertServedOnOurEngine(server, handshakes);
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JdkCustomizerConfiguration {

        @Bean
        JdkReadTimeoutCustomizer jdkReadTimeoutCustomizer() {
            return new JdkReadTimeoutCustomizer();
        }
    }

    /** An application's customizer of the JDK builder, as a class so that Boot can see its type. */
    static class JdkReadTimeoutCustomizer implements ClientHttpRequestFactoryBuilderCustomizer<JdkClientHttpRequestFactoryBuilder> {

        final AtomicInteger calls = new AtomicInteger();

        @Override
        public JdkClientHttpRequestFactoryBuilder customize(JdkClientHttpRequestFactoryBuilder builder) {
            calls.incrementAndGet();
            return builder.withCustomizer(factory -> factory.setReadTimeout(Duration.ofSeconds(7)));
        }
    }
}
