package io.siotls.spring.autoconfigure;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.StringUtils;

class SiotlsFailureAnalyzerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SiotlsAutoConfiguration.class));

    private final SiotlsFailureAnalyzer analyzer = new SiotlsFailureAnalyzer();

    @TempDir
    Path directory;

    private TestPki pki;

    @BeforeEach
    void makePki() {
        pki = new TestPki(directory);
    }

    @Test
    void keyThatDoesNotMatchItsCertificate() {
        TestPki.Leaf server = pki.leaf("server", "localhost");
        TestPki.Leaf other = pki.leaf("other", "other.example");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(other.keyFile())).run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.server.private-key")
                            .contains("private_key does not match the public key of certificate_chain[0] (CN=localhost)");
                    assertThat(analysis.getAction())
                            .isEqualTo("Check that siotls.server.private-key is the key of siotls.server.certificate-chain.");
                });
    }

    @Test
    void chainInTheWrongOrder() {
        TestPki.Leaf server = pki.leaf("server", "localhost");
        List<java.security.cert.X509Certificate> reversed = new ArrayList<>(
                io.siotls.pem.CertificateLoader.loadCertificates(server.chainFile()));
        Collections.reverse(reversed);
        Path chain = pki.write("reversed.pem", io.siotls.testing.Pem.certificates(reversed));
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(chain),
                "siotls.server.private-key=" + location(server.keyFile())).run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.server.certificate-chain")
                            .contains("certificate_chain is out of order: the end-entity certificate (that of"
                                    + " private_key, CN=localhost) is at certificate_chain[1], not first")
                            .contains("expected the end-entity certificate first");
                    assertThat(analysis.getAction()).isEqualTo("Reorder siotls.server.certificate-chain: put the"
                            + " certificate of the private key first, then its issuers, each certificate followed by"
                            + " the one that issued it.");
                });
    }

    @Test
    void aFilePathWithoutFilePrefixSuggestsIt() {
        TestPki.Leaf server = pki.leaf("server", "localhost");
        Path chain = server.chainFile().toAbsolutePath();
        runner.withPropertyValues("siotls.server.certificate-chain=" + chain,
                "siotls.server.private-key=" + location(server.keyFile())).run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.server.certificate-chain")
                            .contains("does not exist, but " + chain + " exists on disk");
                    assertThat(analysis.getAction()).contains("Set siotls.server.certificate-chain to file:"
                            + chain.toString().replace('\\', '/'));
                });
    }

    @Test
    void serverSslAndSiotlsServerTogether() {
        TestPki.Leaf server = pki.leaf("server", "localhost");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile()),
                "server.ssl.certificate=" + location(server.chainFile())).run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.server")
                            .contains("is set together with Spring Boot's server.ssl.*");
                    assertThat(analysis.getAction()).contains("remove the server.ssl.* properties, or set server.ssl.enabled=false");
                });
    }

    @Test
    void serverSslDisabledDoesNotConflict() {
        TestPki.Leaf server = pki.leaf("server", "localhost");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile()),
                "server.ssl.certificate=" + location(server.chainFile()), "server.ssl.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .hasBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT));
    }

    @Test
    void missingFile() {
        Path missing = directory.resolve("nowhere/chain.pem");
        TestPki.Leaf server = pki.leaf("server", "localhost");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(missing),
                "siotls.server.private-key=" + location(server.keyFile())).run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.server.certificate-chain")
                            .contains(missing.toString()).contains("does not exist");
                    assertThat(analysis.getAction()).startsWith("Check that siotls.server.certificate-chain names an existing file");
                });
    }

    @Test
    void fileThatHoldsNoCertificate() {
        Path notPem = pki.write("not.pem", "hello");
        runner.withPropertyValues("siotls.client.truststore=" + location(notPem)).run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: siotls.client.truststore").contains(notPem.toString());
            assertThat(analysis.getAction())
                    .isEqualTo("Check that siotls.client.truststore is a PEM bundle of CA certificates, or a PKCS#12 or JKS key store.");
        });
    }

    @Test
    void wrongPasswordOfAnEncryptedKey() {
        TestPki.Leaf server = pki.leaf("server", "localhost");
        Path encrypted = pki.encryptedKey(server, "right");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(encrypted), "siotls.server.private-key-password=wrong")
                .run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.server.private-key");
                    assertThat(analysis.getAction()).contains("siotls.server.private-key-password is its password");
                });
    }

    @Test
    void unknownAlgorithmName() {
        runner.withPropertyValues("siotls.client.signature-algorithms=ed25519,rsa_pkcs1_md5").run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("Property: siotls.client.signature-algorithms[1]")
                    .contains("unknown SignatureScheme 'rsa_pkcs1_md5', expected one of:");
            assertThat(analysis.getAction())
                    .isEqualTo("Set siotls.client.signature-algorithms[1] to one of the accepted values listed above.");
        });
    }

    @Test
    void coreExceptionFromAUserServerBeanIsNamedAfterItsSide() {
        runner.withBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class,
                () -> TLSConfiguration.server().build()).run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.server.private-key")
                            .contains("private_key is mandatory server-side");
                    assertThat(analysis.getAction()).startsWith("Set siotls.server.private-key to");
                });
    }

    @Test
    void coreExceptionOutsideABeanIsStillExplained() {
        FailureAnalysis analysis = analyzer.analyze(new BeanCreationException("somethingElse", "failed",
                new TLSConfigurationException(ConfigurationOption.CIPHER_SUITES,
                        ConfigurationProblem.EMPTY, "cipher_suites must not be empty")));
        assertThat(analysis.getDescription()).contains("Property: siotls.cipher-suites");
        assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void keyMismatchNamesThePrivateKeyOfTheSide(String side) {
        TestPki.Leaf leaf = pki.leaf("leaf", "localhost");
        TestPki.Leaf other = pki.leaf("other", "other.example");
        assertAnalysis(side, side + ".private-key", "private_key does not match the public key of certificate_chain[0]",
                "Check that " + side + ".private-key is the key of " + side + ".certificate-chain.",
                side + ".certificate-chain=" + location(leaf.chainFile()), side + ".private-key=" + location(other.keyFile()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void aCertificateChainWithoutItsKeyNamesThePrivateKeyOfTheSide(String side) {
        TestPki.Leaf leaf = pki.leaf("leaf", "localhost");
        assertAnalysis(side, side + ".private-key", "private_key",
                "Set " + side + ".private-key to the private key of this side's certificate or public key.",
                side + ".certificate-chain=" + location(leaf.chainFile()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void aKeyThatCannotSignNamesTheSignatureAlgorithmsOfTheSide(String side) {
        TestPki.Leaf leaf = pki.leaf("leaf", "localhost");
        assertAnalysis(side, side + ".private-key-signature-algorithms",
                "private_key: a EC key can sign with none of private_key_signature_algorithms",
                "Add to " + side + ".private-key-signature-algorithms a scheme the key can sign with, "
                        + "or leave it unset for the defaults.",
                side + ".certificate-chain=" + location(leaf.chainFile()), side + ".private-key=" + location(leaf.keyFile()),
                side + ".private-key-signature-algorithms=ed25519");
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void aDuplicateInAListNamesTheListOfTheSide(String side) {
        assertAnalysis(side, side + ".key-exchanges", "key_exchanges lists x25519 twice",
                "Check the value of " + side + ".key-exchanges.", side + ".key-exchanges=x25519,x25519");
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void aLimitOutOfRangeNamesTheLimitOfTheSide(String side) {
        assertAnalysis(side, side + ".limits.max-key-updates", "limits.max_key_updates must be within [0, 1000000]",
                "Set " + side + ".limits.max-key-updates within the range given, or remove it for the default.",
                side + ".limits.max-key-updates=-1");
        assertAnalysis(side, side + ".handshake-timeout", "limits.max_handshake_duration must be a positive duration",
                "Set " + side + ".handshake-timeout within the range given, or remove it for the default.",
                side + ".handshake-timeout=0s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void aFileOfTheWrongKindNamesThePropertyOfTheSide(String side) {
        TestPki.Leaf leaf = pki.leaf("leaf", "localhost");
        assertAnalysis(side, side + ".truststore", "holds a PRIVATE KEY, expected a CERTIFICATE",
                "Check that " + side + ".truststore is a PEM bundle of CA certificates, or a PKCS#12 or JKS key store.",
                side + ".truststore=" + location(leaf.keyFile()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void anEncryptedKeyWithoutItsPasswordNamesThePasswordOfTheSide(String side) {
        TestPki.Leaf leaf = pki.leaf("leaf", "localhost");
        Path encrypted = pki.encryptedKey(leaf, "right");
        assertAnalysis(side, side + ".private-key", "and no password was given", "Set " + side + ".private-key-password: ",
                side + ".certificate-chain=" + location(leaf.chainFile()), side + ".private-key=" + location(encrypted));
    }

    @Test
    void coreExceptionFromAUserClientBeanIsNamedAfterItsSide() {
        TestPki.Leaf leaf = pki.leaf("leaf", "localhost");
        runner.withBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION, TLSConfiguration.class,
                () -> TLSConfiguration.client().privateKey(leaf.keys().getPrivate()).build()).run(context -> {
                    FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("Property: siotls.client.certificate-chain\n")
                            .contains("private_key is set but neither certificate_chain nor public_key is");
                    assertThat(analysis.getAction()).isEqualTo("Set siotls.client.certificate-chain (or "
                            + "siotls.client.public-key) too, or remove siotls.client.private-key.");
                });
    }

    /**
     * Starts with {@code properties} (and valid server key material unless they set some) and
     * checks the analysis names exactly {@code property}.
     */
    private void assertAnalysis(String side, String property, String problem, String actionStart, String... properties) {
        TestPki.Leaf server = pki.leaf("server", "localhost");
        boolean setsKeyMaterial = List.of(properties).stream().anyMatch(p -> p.startsWith(side + ".certificate-chain="));
        ApplicationContextRunner configured = side.equals(TLSConfigurationFactory.SERVER) && !setsKeyMaterial
                ? runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                        "siotls.server.private-key=" + location(server.keyFile()))
                : runner;
        configured.withPropertyValues(properties).run(context -> {
            FailureAnalysis analysis = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
            assertThat(analysis.getDescription()).contains("Property: " + property + "\n").contains(problem);
            assertThat(analysis.getAction()).startsWith(actionStart);
        });
    }

    @Test
    void registeredInSpringFactories() throws IOException {
        List<String> analyzers = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(SpringFactoriesLoader.FACTORIES_RESOURCE_LOCATION))) {
            Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
            analyzers.addAll(StringUtils.commaDelimitedListToSet(factories.getProperty(FailureAnalyzer.class.getName(), "")));
        }
        assertThat(analyzers).contains(SiotlsFailureAnalyzer.class.getName());
    }
}
