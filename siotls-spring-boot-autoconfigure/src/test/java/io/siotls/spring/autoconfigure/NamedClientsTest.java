package io.siotls.spring.autoconfigure;

import static io.siotls.spring.autoconfigure.SiotlsAutoConfigurationTest.propertyFailure;
import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.spring.autoconfigure.SiotlsNamedClients.NamedClient;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.spring.autoconfigure.reload.SiotlsReloadAutoConfiguration;
import io.siotls.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Named client configurations {@code siotls.clients.<name>}: each inherits what it leaves unset
 * from {@code siotls.client}, is the SSL bundle {@code siotls-<name>} on a context of its own that
 * presents its own certificate to a real handshake, is reloaded like {@code siotls.client}, and
 * fails naming its own property.
 */
class NamedClientsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class,
            SiotlsReloadAutoConfiguration.class));

    @TempDir
    Path directory;

    private TestPki pki;
    private TestPki.Leaf server;
    private TestPki.Leaf defaultClient;
    private TestPki.Leaf payments;

    @BeforeEach
    void makePki() {
        pki = new TestPki(directory);
        server = pki.leaf("server", "localhost");
        defaultClient = pki.leaf("default", "default.client");
        payments = pki.leaf("payments", "payments.client");
    }

    private String[] mutualTls() {
        return new String[] {"siotls.server.certificate-chain=" + location(server.chainFile()),
            "siotls.server.private-key=" + location(server.keyFile()),
            "siotls.server.truststore=" + location(pki.caFile()), "siotls.server.client-auth=need",
            "siotls.client.certificate-chain=" + location(defaultClient.chainFile()),
            "siotls.client.private-key=" + location(defaultClient.keyFile()),
            "siotls.client.truststore=" + location(pki.caFile()),
            "siotls.client.cipher-suites=TLS_CHACHA20_POLY1305_SHA256"};
    }

    @Test
    void aNamedClientInheritsWhatItLeavesUnsetAndPresentsItsOwnCertificate() {
        runner.withPropertyValues(mutualTls()).withPropertyValues(
                "siotls.clients.payments.certificate-chain=" + location(payments.chainFile()),
                "siotls.clients.payments.private-key=" + location(payments.keyFile())).run(context -> {
                    SslBundles bundles = context.getBean(SslBundles.class);
                    assertThat(bundles.getBundleNames()).contains("siotls-client", "siotls-server", "siotls-payments");
                    SslBundle bundle = bundles.getBundle("siotls-payments");
                    SSLContext named = bundle.createSslContext();
                    assertThat(named).isNotSameAs(bundles.getBundle("siotls-client").createSslContext());
                    assertThat(bundle.getOptions().isSpecified()).isFalse();
                    assertThat(bundle.getStores().getKeyStore().getCertificate("siotls-client"))
                            .isEqualTo(payments.certificate());
                    NamedClient client = context.getBean(SiotlsNamedClients.class).get("payments");
                    TLSConfiguration configuration = client.configuration();
                    assertThat(configuration.cipherSuites()).containsExactly(CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
                    assertThat(configuration.truststore().trustAnchors()).containsExactly(pki.root());
                    HandshakeRecorder recorder = HandshakeRecorder.attach(named);
                    HandshakeRecorder defaultRecorder = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
                    HandshakeRecorder serverRecorder = HandshakeRecorder.attach(context, SiotlsAutoConfiguration.SERVER_SSL_CONTEXT);
                    Handshakes.Outcome outcome = Handshakes.connect(
                            context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class), named, "localhost");
                    assertThat(outcome.protocol()).isEqualTo("TLSv1.3");
                    assertThat(outcome.cipherSuite()).isEqualTo("TLS_CHACHA20_POLY1305_SHA256");
                    assertThat(recorder.completed()).hasSize(1);
                    assertThat(defaultRecorder.events()).isEmpty();
                    assertThat(serverRecorder.completed()).singleElement().satisfies(event -> assertThat(
                            event.negotiated().peerCertificateChain().get(0)).isEqualTo(payments.certificate()));
                });
    }

    @Test
    void settingOneTrustPropertyReplacesTheDefaultClientsTrustAsAWhole() throws Exception {
        TestPki other = new TestPki(Files.createDirectories(directory.resolve("other")));
        runner.withPropertyValues(mutualTls()).withPropertyValues(
                "siotls.clients.partner.truststore=" + location(other.caFile())).run(context -> {
                    TLSConfiguration partner = context.getBean(SiotlsNamedClients.class).get("partner").configuration();
                    assertThat(partner.truststore().trustAnchors()).containsExactly(other.root());
                    assertThat(partner.certificateChain()).first().isEqualTo(defaultClient.certificate());
                    assertThat(partner.cipherSuites()).containsExactly(CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
                });
    }

    @Test
    void aFailureNamesTheNamedClientsProperty() {
        runner.withPropertyValues(mutualTls()).withPropertyValues(
                "siotls.clients.payments.certificate-chain=" + location(payments.chainFile()),
                "siotls.clients.payments.private-key=file:" + directory.resolve("missing-key.pem")).run(context ->
                    assertThat(propertyFailure(context).property()).isEqualTo("siotls.clients.payments.private-key"));
        runner.withPropertyValues("siotls.clients.payments.cipher-suites=TLS_AES_512_GCM").run(context ->
                assertThat(propertyFailure(context).property()).startsWith("siotls.clients.payments.cipher-suites"));
        runner.withPropertyValues("siotls.clients.payments.certificate-chain=" + location(payments.chainFile()),
                "siotls.clients.payments.private-key=" + location(defaultClient.keyFile())).run(context -> {
                    FailureAnalysis analysis = new SiotlsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.clients.payments.");
                });
    }

    @Test
    void aMisspeltPropertyOfANamedClientIsRefused() {
        runner.withPropertyValues("siotls.clients.payments.private-kee=" + location(payments.keyFile())).run(context -> {
            SiotlsPropertyException failure = propertyFailure(context);
            assertThat(failure).isInstanceOf(UnknownSiotlsPropertyException.class);
            assertThat(failure.property()).isEqualTo("siotls.clients.payments.private-kee");
        });
    }

    @Test
    void namesThatCannotNameABundleOrClashAreRefused() {
        runner.withPropertyValues("siotls.clients[Pay_ments].alpn=h2").run(context -> {
            SiotlsPropertyException failure = propertyFailure(context);
            assertThat(failure.property()).isEqualTo("siotls.clients.Pay_ments");
            assertThat(failure.problem()).contains("lower-case letters, digits and single hyphens");
            assertThat(failure.action()).contains("siotls.clients.pay-ments");
        });
        for (String name : List.of("client", "server", "server-sni-api.localhost", "server-sni-api")) {
            runner.withPropertyValues("siotls.clients[" + name + "].alpn=h2").run(context -> {
                SiotlsPropertyException failure = propertyFailure(context);
                assertThat(failure.property()).as(name).isEqualTo("siotls.clients." + name);
            });
        }
        runner.withPropertyValues("siotls.clients[server-sni-api].alpn=h2").run(context ->
                assertThat(propertyFailure(context).problem()).contains("clashes with siotls's own bundles"));
    }

    @Test
    void aBundleOfTheSameNameIsRefused() {
        runner.withPropertyValues("spring.ssl.bundle.pem.siotls-payments.truststore.certificate=" + location(pki.caFile()),
                "siotls.clients.payments.alpn=h2").run(context -> {
                    SiotlsPropertyException failure = propertyFailure(context);
                    assertThat(failure.property()).isEqualTo("siotls.clients.payments");
                    assertThat(failure.problem()).contains("siotls-payments is already taken");
                });
    }

    @Test
    void aNamedClientWithReloadOnUpdateFollowsItsFiles() throws Exception {
        Path chain = Files.copy(payments.chainFile(), directory.resolve("live.pem"));
        Path key = Files.copy(payments.keyFile(), directory.resolve("live-key.pem"));
        TestPki.Leaf renewed = pki.leaf("renewed", "payments.client");
        runner.withPropertyValues(mutualTls()).withPropertyValues("siotls.reload-quiet-period=200ms",
                "siotls.clients.payments.certificate-chain=" + location(chain),
                "siotls.clients.payments.private-key=" + location(key),
                "siotls.clients.payments.reload-on-update=true").run(context -> {
                    SslBundle bundle = context.getBean(SslBundles.class).getBundle("siotls-payments");
                    assertThat(bundle.getStores().getKeyStore().getCertificate("siotls-client"))
                            .isEqualTo(payments.certificate());
                    replace(renewed.keyFile(), key);
                    replace(renewed.chainFile(), chain);
                    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                            bundle.getStores().getKeyStore().getCertificate("siotls-client"))
                            .isEqualTo(renewed.certificate()));
                    assertThat(context.getBean(SiotlsNamedClients.class).get("payments").currentConfiguration()
                            .certificateChain()).first().isEqualTo(renewed.certificate());
                });
    }

    private static void replace(Path source, Path target) throws Exception {
        Path temporary = Files.copy(source, target.resolveSibling(target.getFileName() + ".new"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
