package io.siotls.spring.autoconfigure.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.TestApplications;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Netty contexts around our SSLContexts enable exactly the configured suites, in order, on
 * both sides and with either implementation, never Netty's own default list.
 */
class NettySslContextsTest {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner() {
        return TestApplications.localhostServerRunner(directory);
    }

    @Test
    void theDefaultSuitesInTheirOrder() {
        runner().run(context -> {
            assertThat(NettySslContexts.server(context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT,
                    SSLContext.class), true).cipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384",
                            "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
            assertThat(NettySslContexts.client(context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT,
                    SSLContext.class)).cipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384",
                            "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256");
        });
    }

    @Test
    void configuredSuitesNettyDoesNotKnow() {
        runner().withPropertyValues("siotls.server.cipher-suites=TLS_AES_128_CCM_SHA256",
                "siotls.client.cipher-suites=TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_CCM_8_SHA256").run(context -> {
                    assertThat(NettySslContexts.server(context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT,
                            SSLContext.class), false).cipherSuites()).containsExactly("TLS_AES_128_CCM_SHA256");
                    assertThat(NettySslContexts.client(context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT,
                            SSLContext.class)).cipherSuites())
                            .containsExactly("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_CCM_8_SHA256");
                });
    }

    @Test
    void theJsseImplementationToo() {
        runner().withPropertyValues("siotls.implementation=jsse",
                "siotls.server.cipher-suites=TLS_CHACHA20_POLY1305_SHA256").run(context ->
                        assertThat(NettySslContexts.server(context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT,
                                SSLContext.class), true).cipherSuites())
                                .containsExactly("TLS_CHACHA20_POLY1305_SHA256"));
    }
}
