package io.siotls.spring.autoconfigure.bundle;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.TestPki;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The siotls bundles leave their {@code SslOptions} unspecified, as Spring Boot's MongoDB,
 * Cassandra and Couchbase auto-configurations require of a bundle, and lose nothing by it: the
 * bundle's SSLContext alone restricts every engine and socket to TLS 1.3 and the configured suites.
 */
class SiotlsSslBundleOptionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    SiotlsSslBundleAutoConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void clientAndServerBundlesLeaveTheOptionsUnspecified() {
        TestPki.Leaf server = new TestPki(directory).leaf("server", "localhost");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile())).run(context -> {
                    SslBundles bundles = context.getBean(SslBundles.class);
                    for (String name : new String[] {SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE,
                            SiotlsSslBundleAutoConfiguration.SERVER_BUNDLE}) {
                        SslBundle bundle = bundles.getBundle(name);
                        assertThat(bundle.getOptions().isSpecified()).as(name).isFalse();
                        assertThat(bundle.getOptions().getEnabledProtocols()).as(name).isNull();
                        assertThat(bundle.getOptions().getCiphers()).as(name).isNull();
                    }
                });
    }

    @Test
    void theContextAloneEnforcesTls13AndTheConfiguredSuites() {
        runner.withPropertyValues("siotls.client.cipher-suites=TLS_CHACHA20_POLY1305_SHA256").run(context -> {
            SSLContext sslContext = context.getBean(SslBundles.class)
                    .getBundle(SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE).createSslContext();
            SSLEngine engine = sslContext.createSSLEngine("localhost", 443);
            assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3");
            assertThat(engine.getEnabledCipherSuites()).containsExactly("TLS_CHACHA20_POLY1305_SHA256");
            try (SSLSocket socket = (SSLSocket) sslContext.getSocketFactory().createSocket()) {
                assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3");
                assertThat(socket.getEnabledCipherSuites()).containsExactly("TLS_CHACHA20_POLY1305_SHA256");
            }
        });
    }
}
