package io.siotls.spring.autoconfigure;

import static io.siotls.spring.autoconfigure.SiotlsAutoConfigurationTest.propertyFailure;
import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.testing.TestPki;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The SSLContext beans of both implementations, used for real connections. */
class SiotlsSslContextTest {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner;
    private TestPki pki;

    @BeforeEach
    void configure() {
        pki = new TestPki(directory);
        TestPki.Leaf localhost = pki.leaf("localhost", "localhost");
        TestPki.Leaf api = pki.leaf("api", "api.example.com");
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class))
                .withPropertyValues("siotls.server.certificate-chain=" + location(localhost.chainFile()),
                        "siotls.server.private-key=" + location(localhost.keyFile()),
                        "siotls.server.sni[api.example.com].certificate-chain=" + location(api.chainFile()),
                        "siotls.server.sni[api.example.com].private-key=" + location(api.keyFile()),
                        "siotls.client.truststore=" + location(pki.caFile()));
    }

    @Test
    void siotlsContextsConnectAndChooseTheChainBySni() {
        runner.run(context -> {
            assertThat(server(context).getProvider().getName()).isEqualTo("siotls");
            assertThat(Handshakes.connect(server(context), client(context), "localhost").serverSubject())
                    .isEqualTo("CN=localhost");
            Handshakes.Outcome api = Handshakes.connect(server(context), client(context), "api.example.com");
            assertThat(api.serverSubject()).isEqualTo("CN=api.example.com");
            assertThat(api.protocol()).isEqualTo("TLSv1.3");
        });
    }

    @Test
    void jsseContextsAreSunJsseAndConnectWithTheSameMaterialAndSni() {
        runner.withPropertyValues("siotls.implementation=jsse", "siotls.server.cipher-suites=TLS_AES_256_GCM_SHA384")
                .run(context -> {
                    assertThat(server(context).getProvider().getName()).isEqualTo("SunJSSE");
                    assertThat(client(context).getProvider().getName()).isEqualTo("SunJSSE");
                    Handshakes.Outcome localhost = Handshakes.connect(server(context), client(context), "localhost");
                    assertThat(localhost.serverSubject()).isEqualTo("CN=localhost");
                    assertThat(localhost.protocol()).isEqualTo("TLSv1.3");
                    assertThat(localhost.cipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
                    assertThat(Handshakes.connect(server(context), client(context), "api.example.com").serverSubject())
                            .isEqualTo("CN=api.example.com");
                });
    }

    @Test
    void jsseClientVerifiesHostNames() {
        runner.withPropertyValues("siotls.implementation=jsse").run(context ->
                assertThatThrownBy(() -> Handshakes.connect(server(context), client(context), "evil.example.com"))
                        .hasMessageContaining("No subject alternative DNS name matching evil.example.com"));
    }

    @Test
    void jsseEnginesFollowTheProperties() {
        runner.withPropertyValues("siotls.implementation=jsse", "siotls.server.truststore=" + location(pki.caFile()),
                "siotls.server.alpn=h2,http/1.1", "siotls.client.cipher-suites=TLS_AES_128_GCM_SHA256").run(context -> {
                    SSLEngine serverEngine = server(context).createSSLEngine();
                    assertThat(serverEngine.getNeedClientAuth()).isTrue();
                    assertThat(serverEngine.getEnabledProtocols()).containsExactly("TLSv1.3");
                    assertThat(serverEngine.getSSLParameters().getApplicationProtocols()).containsExactly("h2", "http/1.1");
                    SSLEngine clientEngine = client(context).createSSLEngine("localhost", 443);
                    assertThat(clientEngine.getEnabledCipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
                    assertThat(clientEngine.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
                });
        runner.withPropertyValues("siotls.implementation=jsse", "siotls.server.truststore=" + location(pki.caFile()),
                "siotls.server.client-auth=want").run(context -> {
                    SSLEngine serverEngine = server(context).createSSLEngine();
                    assertThat(serverEngine.getWantClientAuth()).isTrue();
                    assertThat(serverEngine.getNeedClientAuth()).isFalse();
                });
    }

    @Test
    void jsseRefusesRawPublicKeys() {
        TestPki.Leaf raw = pki.rawKeys("raw");
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class))
                .withPropertyValues("siotls.implementation=jsse", "siotls.server.public-key=" + location(raw.publicKeyFile()),
                        "siotls.server.private-key=" + location(raw.keyFile())).run(context -> {
                            SiotlsPropertyException failure = propertyFailure(context);
                            assertThat(failure.property()).isEqualTo("siotls.server.public-key");
                            assertThat(failure.problem()).isEqualTo(
                                    "cannot be honoured by siotls.implementation=jsse: SunJSSE has no raw public keys (RFC 7250)");
                            assertThat(failure.action())
                                    .isEqualTo("Remove siotls.server.public-key, or set siotls.implementation to siotls.");
                        });
        runner.withPropertyValues("siotls.implementation=jsse", "siotls.client.truststore=",
                "siotls.client.trusted-public-keys=" + location(raw.publicKeyFile())).run(context ->
                        assertThat(propertyFailure(context).property()).isEqualTo("siotls.client.trusted-public-keys"));
    }

    @Test
    void jsseRefusesWhatSunJsseCannotHonour() {
        assertJsseRefuses("siotls.server.log-keys=true", "siotls.server.log-keys");
        assertJsseRefuses("siotls.client.key-exchanges=x25519", "siotls.client.key-exchanges");
        assertJsseRefuses("siotls.server.signature-algorithms=ed25519", "siotls.server.signature-algorithms");
        assertJsseRefuses("siotls.client.max-fragment-length=1024", "siotls.client.max-fragment-length");
        assertJsseRefuses("siotls.client.request-ocsp-stapling=true", "siotls.client.request-ocsp-stapling");
        assertJsseRefuses("siotls.server.limits.max-key-updates=3", "siotls.server.limits");
        assertJsseRefuses("siotls.server.send-certificate-authorities=false", "siotls.server.send-certificate-authorities");
        assertJsseRefuses("siotls.server.session-tickets.count=1", "siotls.server.session-tickets");
        assertJsseRefuses("siotls.client.cipher-suites=TLS_AES_128_GCM_SHA256,TLS_AES_128_CCM_8_SHA256",
                "siotls.client.cipher-suites[1]");
    }

    private void assertJsseRefuses(String property, String named) {
        runner.withPropertyValues("siotls.implementation=jsse", property).run(context -> {
            SiotlsPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo(named);
            assertThat(failure.problem()).startsWith("cannot be honoured by siotls.implementation=jsse: ");
        });
    }

    private static SSLContext server(AssertableApplicationContext context) {
        return context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
    }

    private static SSLContext client(AssertableApplicationContext context) {
        return context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class);
    }
}
