package io.siotls.spring.autoconfigure.redis;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SslOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.siotls.jsse.SiotlsSSLEngine;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Lettuce customizer: a siotls bundle gives Lettuce SslOptions whose Netty context makes the
 * bundle's own siotls engines; any other bundle, or none, leaves Boot's options as they were.
 * (A real redis-server is served through it in integration-tests/data-clients.)
 */
class SiotlsLettuceAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class,
            SiotlsLettuceAutoConfiguration.class));

    @TempDir
    Path directory;

    private String[] ownBundle;

    @BeforeEach
    void makePki() {
        TestPki pki = new TestPki(directory);
        TestPki.Leaf client = pki.leaf("client", "client.example");
        ownBundle = new String[] {"spring.ssl.bundle.pem.own.keystore.certificate=" + location(client.chainFile()),
            "spring.ssl.bundle.pem.own.keystore.private-key=" + location(client.keyFile()),
            "spring.ssl.bundle.pem.own.truststore.certificate=" + location(pki.caFile())};
    }

    @Test
    void aSiotlsBundleGivesLettuceTheBundlesOwnContext() {
        runner.withPropertyValues("siotls.client.handshake-timeout=7s").run(context -> {
            SslBundle bundle = context.getBean(SslBundles.class).getBundle(SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE);
            SSLContext siotls = bundle.createSslContext();

            SslOptions options = customized(new LettuceSiotlsSsl(() -> bundle, Duration.ofSeconds(7)), null);

            SslContext netty = options.createSslContextBuilder().build();
            SSLEngine engine = netty.newEngine(ByteBufAllocator.DEFAULT, "localhost", 6379);
            assertThat(engine).isInstanceOf(SiotlsSSLEngine.class);
            assertThat(netty.sessionContext()).isSameAs(siotls.getClientSessionContext());
            assertThat(options.getHandshakeTimeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(options.getProtocols()).containsExactly("TLSv1.3");
            assertThat(options.getCipherSuites()).containsExactly(siotls.getDefaultSSLParameters().getCipherSuites());
        });
    }

    @Test
    void anotherBundleOrNoneKeepsBootsOptions() {
        runner.withPropertyValues(ownBundle).run(context -> {
            SslBundle own = context.getBean(SslBundles.class).getBundle("own");
            SslOptions boots = SslOptions.builder().jdkSslProvider().build();

            assertThat(customized(new LettuceSiotlsSsl(() -> own, null), boots)).isSameAs(boots);
            assertThat(customized(new LettuceSiotlsSsl(() -> null, null), boots)).isSameAs(boots);
        });
    }

    @Test
    void backsOffWithoutLettuce() {
        runner.withClassLoader(new FilteredClassLoader("io.lettuce.core")).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(LettuceClientOptionsBuilderCustomizer.class));
        runner.run(context -> assertThat(context).hasSingleBean(LettuceClientOptionsBuilderCustomizer.class));
    }

    private static SslOptions customized(LettuceSiotlsSsl customizer, SslOptions before) {
        ClientOptions.Builder builder = ClientOptions.builder();
        if (before != null) {
            builder.sslOptions(before);
        }
        customizer.customize(builder);
        return builder.build().getSslOptions();
    }
}
