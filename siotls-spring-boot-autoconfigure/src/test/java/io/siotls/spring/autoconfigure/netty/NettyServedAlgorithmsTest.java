package io.siotls.spring.autoconfigure.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.spring.autoconfigure.OpenSslOffers;
import io.siotls.spring.autoconfigure.TestApplications;
import io.siotls.testing.TestPki;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.PeerCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reactor Netty's server serves exactly the siotls configuration to openssl: Netty's own default
 * cipher list (TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384 among its TLS 1.2 ones), which
 * its {@code JdkSslContext} enables on every engine unless given one, must neither widen nor
 * narrow it.
 */
class NettyServedAlgorithmsTest {

    @TempDir
    static Path pkiDir;

    private static TestPki.Leaf server;

    @BeforeAll
    static void makePki() {
        server = new TestPki(pkiDir).leaf("server", "localhost");
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return TestApplications.runHelloApplication(WebApplicationType.REACTIVE, TestApplications.TOMCAT_REACTIVE,
                server, properties);
    }

    @Test
    void servesTheDefaultSuitesAndGroupsAndRefusesEveryOther() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            OpenSslOffers.assertServesExactly(TestApplications.port(app), TLSConfiguration.DEFAULT_CIPHER_SUITES,
                    TLSConfiguration.DEFAULT_KEY_EXCHANGES);
        }
    }

    @Test
    void servesExplicitlyConfiguredCcmSuitesAndGroupsOnly() throws Exception {
        try (ConfigurableApplicationContext app = start(
                "siotls.server.cipher-suites=TLS_AES_128_CCM_SHA256,TLS_AES_128_CCM_8_SHA256",
                "siotls.server.key-exchanges=secp384r1,x448")) {
            OpenSslOffers.assertServesExactly(TestApplications.port(app),
                    List.of(CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256),
                    List.of(NamedGroup.SECP384R1, NamedGroup.X448));
        }
    }

    /**
     * The report of issue 15: with ChaCha20 alone configured, openssl offering AES-128 first then
     * ChaCha20 gets ChaCha20 (not AES-128, which Netty's own list would have enabled), and AES-128
     * alone is refused.
     */
    @Test
    void negotiatesTheConfiguredChaCha20OverAnOfferedAes128() throws Exception {
        try (ConfigurableApplicationContext app = start("siotls.server.cipher-suites=TLS_CHACHA20_POLY1305_SHA256")) {
            int port = TestApplications.port(app);
            String both = sClient(port, "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256");
            assertThat(both).contains("CONNECTION ESTABLISHED", "Ciphersuite: TLS_CHACHA20_POLY1305_SHA256");
            assertThat(sClient(port, "TLS_AES_128_GCM_SHA256")).doesNotContain("CONNECTION ESTABLISHED");
        }
    }

    /** The same with HTTP/2 on, where Netty wraps each engine for ALPN (the WebFlux sample's setup). */
    @Test
    void negotiatesTheConfiguredChaCha20WithHttp2Too() throws Exception {
        try (ConfigurableApplicationContext app = start("server.http2.enabled=true",
                "siotls.server.cipher-suites=TLS_CHACHA20_POLY1305_SHA256")) {
            int port = TestApplications.port(app);
            assertThat(sClient(port, "TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256"))
                    .contains("CONNECTION ESTABLISHED", "Ciphersuite: TLS_CHACHA20_POLY1305_SHA256");
            assertThat(sClient(port, "TLS_AES_128_GCM_SHA256")).doesNotContain("CONNECTION ESTABLISHED");
        }
    }

    /**
     * By default the server picks by siotls' default order, AES-256 first, whichever order the
     * client lists AES-128 and AES-256 in.
     */
    @Test
    void picksTheFirstOfTheDefaultOrderWhateverTheClientPrefers() throws Exception {
        try (ConfigurableApplicationContext app = start("server.http2.enabled=true")) {
            int port = TestApplications.port(app);
            String expected = "Ciphersuite: " + TLSConfiguration.DEFAULT_CIPHER_SUITES.get(0).ianaName();
            assertThat(sClient(port, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384"))
                    .contains("CONNECTION ESTABLISHED", expected);
            assertThat(sClient(port, "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256"))
                    .contains("CONNECTION ESTABLISHED", expected);
        }
    }

    /** What {@code openssl s_client -tls1_3 -brief -ciphersuites suites} printed. */
    private static String sClient(int port, String suites) throws Exception {
        PeerCommand.require("openssl");
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-tls1_3", "-brief", "-ciphersuites", suites));
        try (ExternalProcess process = ExternalProcess.start(command)) {
            process.stdin().close();
            process.awaitExit(Duration.ofSeconds(20));
            return process.output();
        }
    }
}
