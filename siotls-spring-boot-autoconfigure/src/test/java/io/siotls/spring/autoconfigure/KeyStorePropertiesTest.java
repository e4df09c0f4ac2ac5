package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ClientAuthentication;
import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.testing.KeyStoreFile;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Key and trust material from PKCS#12 and JKS key stores (key-store, key-store-password,
 * key-alias, key-password; a key store truststore with truststore-password) on every side: the
 * configurations equal those built from the same material in PEM files.
 */
class KeyStorePropertiesTest {

    @TempDir
    static Path directory;

    private static KeyStorePki stores;

    private final ApplicationContextRunner runner = TestApplications.bundlesAndSiotlsRunner();

    @BeforeAll
    static void writeStores() {
        stores = new KeyStorePki(directory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"server.p12", "server.jks"})
    void aServerFromKeyAndTrustStoresEqualsOneFromPemFilesAndNeedsClientCertificates(String store) {
        TLSConfiguration fromPem = serverConfiguration(stores.pemFiles("siotls.server", "server"));
        TLSConfiguration fromStores = serverConfiguration(stores.keyAndTrustStores("siotls.server", store));
        assertThat(fromStores).isEqualTo(fromPem);
        assertThat(fromStores.certificateChain().get(0)).isEqualTo(stores.leaf("server").certificate());
        assertThat(fromStores.truststore().trustAnchors()).containsExactly(stores.pki().root());
        assertThat(fromStores.clientAuthentication()).isEqualTo(ClientAuthentication.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client.p12", "client.jks"})
    void aClientFromKeyAndTrustStoresEqualsOneFromPemFiles(String store) {
        TLSConfiguration fromPem = clientConfiguration(stores.pemFiles("siotls.client", "client"));
        TLSConfiguration fromStores = clientConfiguration(stores.keyAndTrustStores("siotls.client", store));
        assertThat(fromStores).isEqualTo(fromPem);
        assertThat(fromStores.certificateChain().get(0)).isEqualTo(stores.leaf("client").certificate());
    }

    @Test
    void springBootsSpellingTrustStoreNamesTheTruststoreProperty() {
        TLSConfiguration client = clientConfiguration("siotls.client.trust-store=" + stores.location("trust.p12"),
                "siotls.client.trust-store-password=" + KeyStorePki.TRUST_PASSWORD);
        assertThat(client.truststore().trustAnchors()).containsExactly(stores.pki().root());
    }

    @Test
    void aJksTruststoreNeedsNoPasswordToReadItsCertificates() {
        TLSConfiguration client = clientConfiguration("siotls.client.truststore=" + stores.location("trust.jks"));
        assertThat(client.truststore().trustAnchors()).containsExactly(stores.pki().root());
    }

    @Test
    void keyAliasChoosesAmongSeveralKeysAndKeyPasswordOpensItsEntry() {
        TestPki.Leaf server = stores.leaf("server");
        TestPki.Leaf api = stores.leaf("api");
        Path both = KeyStoreFile.pkcs12().key("api", api, stores.pki().root(), KeyStorePki.PASSWORD)
                .key("main", server, stores.pki().root(), "entry-secret").write(directory.resolve("both.p12"), "store");
        TLSConfiguration config = serverConfiguration("siotls.server.key-store=" + TestPki.location(both),
                "siotls.server.key-store-password=store", "siotls.server.key-alias=main",
                "siotls.server.key-password=entry-secret");
        assertThat(config.signingChains()).singleElement().satisfies(chain -> {
            assertThat(chain.leaf()).isEqualTo(server.certificate());
            assertThat(chain).isEqualTo(new SigningChain(chain.chain(), server.keys().getPrivate()));
        });
    }

    @Test
    void anSniEntryFromAKeyStore() {
        TLSConfiguration config = serverConfiguration(stores.keyAndTrustStores("siotls.server", "server.p12"),
                "siotls.server.sni[api.localhost].key-store=" + stores.location("api.jks"),
                "siotls.server.sni[api.localhost].key-store-password=" + KeyStorePki.PASSWORD);
        assertThat(config.signingChains()).extracting(SigningChain::leaf)
                .containsExactly(stores.leaf("server").certificate(), stores.leaf("api").certificate());
    }

    @Test
    void aServerWithOnlyAnSniKeyStoreIsAServer() {
        runner.withPropertyValues("siotls.server.sni[api.localhost].key-store=" + stores.location("api.p12"),
                "siotls.server.sni[api.localhost].key-store-password=" + KeyStorePki.PASSWORD).run(context -> {
                    assertThat(context).hasNotFailed().hasBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT);
                    assertThat(server(context).signingChains()).extracting(SigningChain::leaf)
                            .containsExactly(stores.leaf("api").certificate());
                });
    }

    @Test
    void aKeyStoreAloneMakesTheServer() {
        runner.withPropertyValues("siotls.server.key-store=" + stores.location("server.p12"),
                "siotls.server.key-store-password=" + KeyStorePki.PASSWORD).run(context -> {
                    assertThat(context).hasNotFailed().hasBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT);
                    assertThat(server(context).clientAuthentication()).isEqualTo(ClientAuthentication.NONE);
                });
    }

    @Test
    void theJsseImplementationServesKeyStoreMaterialToo() {
        runner.withPropertyValues(concat(stores.keyAndTrustStores("siotls.server", "server.jks"),
                "siotls.implementation=jsse")).run(context -> {
                    assertThat(context).hasNotFailed();
                    SSLContext server = context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
                    assertThat(server.getProvider().getName()).isEqualTo("SunJSSE");
                    assertThat(server.getDefaultSSLParameters().getNeedClientAuth()).isTrue();
                });
    }

    private TLSConfiguration serverConfiguration(String[] properties, String... more) {
        return serverConfiguration(concat(properties, more));
    }

    private TLSConfiguration serverConfiguration(String... properties) {
        TLSConfiguration[] built = new TLSConfiguration[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasNotFailed();
            built[0] = server(context);
        });
        return built[0];
    }

    private TLSConfiguration clientConfiguration(String... properties) {
        TLSConfiguration[] built = new TLSConfiguration[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasNotFailed();
            built[0] = context.getBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION, TLSConfiguration.class);
        });
        return built[0];
    }

    private static TLSConfiguration server(AssertableApplicationContext context) {
        return context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
    }

    private static String[] concat(String[] first, String... second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
