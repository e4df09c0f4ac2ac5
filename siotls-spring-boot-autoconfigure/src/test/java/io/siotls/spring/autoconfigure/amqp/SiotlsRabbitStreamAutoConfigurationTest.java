package io.siotls.spring.autoconfigure.amqp;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.rabbitmq.stream.EnvironmentBuilder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.siotls.jsse.SiotlsSSLEngine;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.amqp.autoconfigure.EnvironmentBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The RabbitMQ Streams customizer: a siotls bundle gives the stream client a Netty context making
 * the bundle's own siotls engines; any other bundle, or none, is left as Boot configured it. (A
 * real broker's stream listener is served through it in integration-tests/data-clients.)
 */
class SiotlsRabbitStreamAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class,
            SiotlsRabbitStreamAutoConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void aSiotlsBundleGivesTheStreamClientTheBundlesOwnContext() {
        runner.run(context -> {
            SslBundle bundle = context.getBean(SslBundles.class).getBundle(SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE);
            EnvironmentBuilder builder = mock(EnvironmentBuilder.class);
            EnvironmentBuilder.TlsConfiguration tls = mock(EnvironmentBuilder.TlsConfiguration.class);
            when(builder.tls()).thenReturn(tls);

            new RabbitStreamSiotlsTls(() -> bundle).customize(builder);

            ArgumentCaptor<SslContext> netty = ArgumentCaptor.forClass(SslContext.class);
            verify(tls).sslContext(netty.capture());
            assertThat(netty.getValue().newEngine(ByteBufAllocator.DEFAULT, "localhost", 5551))
                    .isInstanceOf(SiotlsSSLEngine.class);
        });
    }

    @Test
    void anotherBundleOrNoneIsLeftToBoot() {
        TestPki pki = new TestPki(directory);
        TestPki.Leaf client = pki.leaf("client", "client.example");
        runner.withPropertyValues("spring.ssl.bundle.pem.own.keystore.certificate=" + location(client.chainFile()),
                "spring.ssl.bundle.pem.own.keystore.private-key=" + location(client.keyFile()),
                "spring.ssl.bundle.pem.own.truststore.certificate=" + location(pki.caFile())).run(context -> {
                    SslBundle own = context.getBean(SslBundles.class).getBundle("own");
                    EnvironmentBuilder builder = mock(EnvironmentBuilder.class);

                    new RabbitStreamSiotlsTls(() -> own).customize(builder);
                    new RabbitStreamSiotlsTls(() -> null).customize(builder);

                    verifyNoInteractions(builder);
                });
    }

    @Test
    void backsOffWithoutTheStreamClient() {
        runner.withClassLoader(new FilteredClassLoader("com.rabbitmq.stream")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(EnvironmentBuilderCustomizer.class));
        runner.run(context -> assertThat(context).hasSingleBean(EnvironmentBuilderCustomizer.class));
    }
}
