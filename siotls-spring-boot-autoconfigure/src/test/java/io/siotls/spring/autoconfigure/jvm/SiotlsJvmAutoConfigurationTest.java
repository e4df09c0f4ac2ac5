package io.siotls.spring.autoconfigure.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import java.util.Properties;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code siotls.jvm-default-client} (off by default; on, the JVM's default context until the
 * application closes, with a warning) and {@link SiotlsSslSocketFactory} (the running
 * application's bundle by name, a clear error otherwise).
 */
@ExtendWith(OutputCaptureExtension.class)
class SiotlsJvmAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class,
            SiotlsJvmAutoConfiguration.class));

    @Test
    void theJvmDefaultIsLeftAloneUnlessAskedFor() throws Exception {
        SSLContext before = SSLContext.getDefault();
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(JvmDefaultClient.class);
            assertThat(SSLContext.getDefault()).isSameAs(before);
        });
    }

    @Test
    void jvmDefaultClientReplacesTheDefaultsUntilTheApplicationCloses(CapturedOutput output) throws Exception {
        SSLContext before = SSLContext.getDefault();
        runner.withPropertyValues("siotls.jvm-default-client=true").run(context -> {
            SSLContext siotls = context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class);
            assertThat(siotls).isInstanceOf(SiotlsSSLContext.class);
            assertThat(SSLContext.getDefault()).isSameAs(siotls);
            try (SSLSocket socket = (SSLSocket) HttpsURLConnection.getDefaultSSLSocketFactory().createSocket()) {
                assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3");
            }
            assertThat(output).contains("siotls.jvm-default-client is true")
                    .contains("servers that only speak TLS 1.2 or older will refuse these connections");
        });
        assertThat(SSLContext.getDefault()).isSameAs(before);
    }

    @Test
    void theFactoryTakesTheBundleItIsToldOf() {
        runner.withPropertyValues("siotls.clients.db.alpn=postgresql").run(context -> {
            Properties info = new Properties();
            info.setProperty(SiotlsSslSocketFactory.BUNDLE_ARGUMENT, "siotls-db");
            assertThat(new SiotlsSslSocketFactory(info).bundle()).isEqualTo("siotls-db");
            assertThat(new SiotlsSslSocketFactory().bundle()).isEqualTo(SiotlsSslSocketFactory.DEFAULT_BUNDLE);
            try (SSLSocket socket = (SSLSocket) new SiotlsSslSocketFactory("siotls-db").createSocket()) {
                assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3");
            }
            assertThatIllegalStateException().isThrownBy(() -> new SiotlsSslSocketFactory("siotls-payments"))
                    .withMessageContaining("there is no SSL bundle named 'siotls-payments'")
                    .withMessageContaining("siotls-db").withMessageContaining("sslfactoryarg");
        });
        assertThatIllegalStateException().isThrownBy(SiotlsSslSocketFactory::new)
                .withMessageContaining("no Spring Boot application with the siotls starter is running");
    }
}
