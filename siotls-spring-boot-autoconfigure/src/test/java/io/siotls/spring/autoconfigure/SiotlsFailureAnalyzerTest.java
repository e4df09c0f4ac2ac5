package io.siotls.spring.autoconfigure;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
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
                    .isEqualTo("Check that siotls.client.truststore is a PEM file of certificates, end-entity first.");
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
    void coreExceptionFromAUserBeanIsNamedAfterTheSideOfTheBean() {
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
                new TLSConfigurationException("cipher_suites must not be empty")));
        assertThat(analysis.getDescription()).contains("Property: siotls.cipher-suites");
        assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
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
