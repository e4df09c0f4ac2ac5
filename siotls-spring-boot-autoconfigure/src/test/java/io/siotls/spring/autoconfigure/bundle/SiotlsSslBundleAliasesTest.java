package io.siotls.spring.autoconfigure.bundle;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The aliases of the siotls bundles' key store entries, which Boot's SSL info, health and
 * certificate metrics show: each chain named for what it is, the server's, each SNI host's and
 * the client's, never the same alias for two of them.
 */
class SiotlsSslBundleAliasesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(SslAutoConfiguration.class, SiotlsAutoConfiguration.class,
                    SiotlsSslBundleAutoConfiguration.class));

    @TempDir
    Path directory;

    private TestPki.Leaf server;
    private TestPki.Leaf api;
    private TestPki.Leaf client;

    @BeforeEach
    void makeCertificates() {
        TestPki pki = new TestPki(directory);
        server = pki.leaf("server", "localhost");
        api = pki.leaf("api", "api.localhost");
        client = pki.leaf("client", "client.example");
    }

    @Test
    void serverSniAndClientChainsEachHaveTheirName() {
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(server.keyFile()),
                "siotls.server.sni[api.localhost].certificate-chain=" + location(api.chainFile()),
                "siotls.server.sni[api.localhost].private-key=" + location(api.keyFile()),
                "siotls.client.certificate-chain=" + location(client.chainFile()),
                "siotls.client.private-key=" + location(client.keyFile())).run(context -> {
                    SslBundles bundles = context.getBean(SslBundles.class);
                    KeyStore serverStore = bundles.getBundle(SiotlsSslBundleAutoConfiguration.SERVER_BUNDLE).getStores()
                            .getKeyStore();
                    KeyStore clientStore = bundles.getBundle(SiotlsSslBundleAutoConfiguration.CLIENT_BUNDLE).getStores()
                            .getKeyStore();
                    assertThat(Collections.list(serverStore.aliases()))
                            .containsExactlyInAnyOrder("siotls-server", "siotls-server-sni-api.localhost");
                    assertThat(serverStore.getCertificate("siotls-server")).isEqualTo(server.certificate());
                    assertThat(serverStore.getCertificate("siotls-server-sni-api.localhost")).isEqualTo(api.certificate());
                    assertThat(Collections.list(clientStore.aliases())).containsExactly("siotls-client");
                    assertThat(clientStore.getCertificate("siotls-client")).isEqualTo(client.certificate());
                });
    }

    @Test
    void chainsNotMadeFromThePropertiesAreNumberedAfterTheSide() {
        TLSConfiguration configuration = TLSConfiguration.server().certificateChain(List.of(server.certificate()))
                .privateKey(server.keys().getPrivate())
                .signingChain(new SigningChain(List.of(api.certificate()), api.keys().getPrivate())).build();
        assertThat(ConfigurationKeyStores.aliases(configuration, List.of()))
                .containsExactly("siotls-server", "siotls-server-1");
        assertThat(ConfigurationKeyStores.aliases(configuration, List.of("api.localhost")))
                .containsExactly("siotls-server", "siotls-server-sni-api.localhost");
    }
}
