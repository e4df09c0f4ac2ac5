package io.siotls.spring.autoconfigure;

import static io.siotls.spring.autoconfigure.SiotlsAutoConfigurationTest.propertyFailure;
import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Key and trust material taken from Spring Boot SSL bundles. */
class SiotlsBundleTest {

    private final ApplicationContextRunner runner = TestApplications.bundlesAndSiotlsRunner();

    @TempDir
    Path directory;

    private TestPki pki;
    private TestPki.Leaf server;

    @BeforeEach
    void makeCertificates() {
        pki = new TestPki(directory);
        server = pki.leaf("server", "localhost");
    }

    @Test
    void serverFromAPemBundleWithItsTrustStore() {
        runner.withPropertyValues("spring.ssl.bundle.pem.web.keystore.certificate=" + location(server.chainFile()),
                "spring.ssl.bundle.pem.web.keystore.private-key=" + location(server.keyFile()),
                "spring.ssl.bundle.pem.web.truststore.certificate=" + location(pki.caFile()),
                "siotls.server.bundle=web").run(context -> {
                    TLSConfiguration config = context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
                    assertThat(config.certificateChain()).first().isEqualTo(server.certificate());
                    assertThat(config.privateKey().getEncoded()).isEqualTo(server.keys().getPrivate().getEncoded());
                    assertThat(config.truststore().trustAnchors()).hasSize(1);
                    assertThat(config.clientAuthentication()).isEqualTo(ClientAuthentication.REQUIRED);
                });
    }

    @Test
    void clientTrustFromABundleWithoutKey() {
        runner.withPropertyValues("spring.ssl.bundle.pem.partners.truststore.certificate=" + location(pki.caFile()),
                "siotls.client.bundle=partners").run(context -> {
                    TLSConfiguration config = context.getBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION, TLSConfiguration.class);
                    assertThat(config.truststore().trustAnchors()).extracting(cert -> cert.getSubjectX500Principal().getName())
                            .containsExactly("CN=siotls test CA");
                    assertThat(config.signingChains()).isEmpty();
                });
    }

    @Test
    void unknownBundleFailsListingTheBundles() {
        runner.withPropertyValues("spring.ssl.bundle.pem.partners.truststore.certificate=" + location(pki.caFile()),
                "siotls.client.bundle=partner").run(context -> {
                    SiotlsPropertyException failure = propertyFailure(context);
                    assertThat(failure.property()).isEqualTo("siotls.client.bundle");
                    assertThat(failure.problem()).isEqualTo("there is no SSL bundle named 'partner' (bundles: [partners])");
                });
    }

    @Test
    void bundleAndFilesTogetherFail() {
        runner.withPropertyValues("spring.ssl.bundle.pem.web.truststore.certificate=" + location(pki.caFile()),
                "siotls.server.bundle=web", "siotls.server.certificate-chain=" + location(server.chainFile()))
                .run(context -> assertThat(propertyFailure(context).property()).isEqualTo("siotls.server.bundle"));
    }
}
