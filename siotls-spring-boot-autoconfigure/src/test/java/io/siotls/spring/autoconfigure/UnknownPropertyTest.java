package io.siotls.spring.autoconfigure;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15: a misspelt {@code siotls.*} property, or server key material without its
 * certificate, fails startup instead of leaving the server on plain HTTP.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertyTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class));

    private final SiotlsFailureAnalyzer analyzer = new SiotlsFailureAnalyzer();

    @TempDir
    Path directory;

    private TestPki pki;
    private TestPki.Leaf server;

    @BeforeEach
    void makePki() {
        pki = new TestPki(directory);
        server = pki.leaf("server", "localhost");
    }

    /** What the user of issue 15 wrote: mutual TLS with certificate-chain misspelt. */
    private String[] typo() {
        return new String[] {"siotls.server.certifcate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile()),
                "siotls.server.truststore=" + location(pki.caFile())};
    }

    @Test
    void aMisspeltCertificateChainFailsNamingItAndTheRightName() {
        runner.withPropertyValues(typo()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(UnknownSiotlsPropertyException.class);
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: siotls.server.certifcate-chain")
                    .contains("is not a siotls property");
            assertThat(analysis.getAction()).contains("Did you mean siotls.server.certificate-chain?");
        });
    }

    @Test
    void theCorrectlySpeltConfigurationStarts() {
        runner.withPropertyValues(typo()[1], typo()[2],
                "siotls.server.certificate-chain=" + location(server.chainFile())).run(context -> {
                    assertThat(context).hasNotFailed().hasBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION);
                    assertThat(context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class)
                            .certificateChain()).first().isEqualTo(server.certificate());
                });
    }

    @Test
    void unknownPropertiesFailAtEveryLevel() {
        assertSuggestion("siotls.client.trustore=x", "siotls.client.trustore", "siotls.client.truststore");
        assertSuggestion("siotls.server.limits.max-key-update=3", "siotls.server.limits.max-key-update",
                "siotls.server.limits.max-key-updates");
        assertSuggestion("siotls.implementaton=jsse", "siotls.implementaton", "siotls.implementation");
        assertSuggestion("siotls.sever.certificate-chain=x", "siotls.sever.certificate-chain", "siotls.server.certificate-chain");
        assertSuggestion("siotls.server.sni[api.example.com].private-kye=x",
                "siotls.server.sni[api.example.com].private-kye", "siotls.server.sni[api.example.com].private-key");
        assertSuggestion("siotls.health.certificate-expiry-warnin=1d", "siotls.health.certificate-expiry-warnin",
                "siotls.health.certificate-expiry-warning");
        runner.withPropertyValues("siotls.server.completely-different=x").run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: siotls.server.completely-different");
            assertThat(analysis.getAction()).doesNotContain("Did you mean").contains("certificate-chain");
        });
    }

    private void assertSuggestion(String property, String unknown, String suggestion) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: " + unknown);
            assertThat(analysis.getAction()).contains("Did you mean " + suggestion + "?");
        });
    }

    @Test
    void theValidPropertiesOfEveryLevelAndMapKeysStillBind() {
        TestPki.Leaf api = pki.leaf("api", "api.example.com");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile()),
                "siotls.server.sni[api.example.com].certificate-chain=" + location(api.chainFile()),
                "siotls.server.sni[api.example.com].private-key=" + location(api.keyFile()),
                "siotls.server.limits.max-key-updates=3", "siotls.server.handshake-timeout=3s",
                "siotls.client.truststore=" + location(pki.caFile()), "siotls.implementation=siotls",
                "siotls.reload-quiet-period=2s", "siotls.health.certificate-expiry-warning=7d",
                "siotls.dev-certificates.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().hasBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION));
    }

    @Test
    void keyOrTrustMaterialWithoutACertificateFailsNamingWhatIsMissing() {
        String[][] partials = {
            {"siotls.server.private-key=" + location(server.keyFile())},
            {"siotls.server.truststore=" + location(pki.caFile())},
            {"siotls.server.private-key=" + location(server.keyFile()), "siotls.server.truststore=" + location(pki.caFile())},
            {"siotls.server.client-auth=need"},
        };
        for (String[] partial : partials) {
            runner.withPropertyValues(partial).run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("Property: siotls.server.certificate-chain")
                        .contains("is not set").contains(partial[0].substring(0, partial[0].indexOf('=')))
                        .contains("plain HTTP");
            });
        }
    }

    @Test
    void theMisspeltServerNeverServesPlainHttp(CapturedOutput output) throws IOException {
        int port = freePort();
        assertThatThrownBy(() -> start(port, typo())).hasRootCauseInstanceOf(UnknownSiotlsPropertyException.class);
        assertThat(output).contains("siotls.server.certifcate-chain")
                .contains("Did you mean siotls.server.certificate-chain?")
                .doesNotContain("(http)");
        assertNothingListens(port);
        assertThatThrownBy(() -> start(port, typo()[1], typo()[2])).hasRootCauseInstanceOf(SiotlsPropertyException.class);
        assertNothingListens(port);
    }

    private static ConfigurableApplicationContext start(int port, String... properties) {
        return new SpringApplicationBuilder(HelloApplication.class).web(WebApplicationType.SERVLET)
                .properties("server.port=" + port, "spring.autoconfigure.exclude=" + TestApplications.TOMCAT_REACTIVE)
                .properties(properties).run();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertNothingListens(int port) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 1000);
            }
        }).isInstanceOf(ConnectException.class);
    }
}
