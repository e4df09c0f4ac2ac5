package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.KeyStoreFile;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each way key-store, its password, key-alias, key-password or a key store truststore can be
 * wrong fails startup with a failure analysis naming the property to change and what to do.
 */
class KeyStoreFailureAnalysisTest {

    private static final String SERVER = "siotls.server";

    @TempDir
    static Path directory;

    private static KeyStorePki stores;

    private final ApplicationContextRunner runner = TestApplications.bundlesAndSiotlsRunner();

    private final SiotlsFailureAnalyzer analyzer = new SiotlsFailureAnalyzer();

    @BeforeAll
    static void writeStores() {
        stores = new KeyStorePki(directory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"server.p12", "server.jks"})
    void aWrongKeyStorePasswordNamesThePasswordAndTheFile(String store) {
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + stores.location(store),
                SERVER + ".key-store-password=wrong");
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-store-password\n")
                .contains("Problem: does not open " + stores.described(store));
        assertThat(analysis.getAction())
                .isEqualTo("Set siotls.server.key-store-password to the password siotls.server.key-store was written with.");
    }

    @Test
    void aKeyStoreWithoutItsPasswordNamesThePassword() {
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + stores.location("server.p12"));
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-store-password\n")
                .contains("is not set, and the key store " + stores.described("server.p12")
                        + " cannot be opened without its password");
    }

    @Test
    void aMissingAliasIsNamedWithTheAliasesPresent() {
        Path both = twoKeys();
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + TestPki.location(both),
                SERVER + ".key-store-password=" + KeyStorePki.PASSWORD, SERVER + ".key-alias=sever");
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-alias\n")
                .contains("key store entry 'sever' does not exist (private key entries: ")
                .contains("server").contains("api");
        assertThat(analysis.getAction())
                .isEqualTo("Set siotls.server.key-alias to the alias of one of the private key entries listed.");
    }

    @Test
    void severalKeysWithoutAnAliasAskForOneListingThem() {
        Path both = twoKeys();
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + TestPki.location(both),
                SERVER + ".key-store-password=" + KeyStorePki.PASSWORD);
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-alias\n")
                .contains("the key store holds 2 private key entries (").contains("server").contains("api");
        assertThat(analysis.getAction()).startsWith("Set siotls.server.key-alias to the alias of the private key entry");
    }

    @Test
    void aKeyStoreWithoutAPrivateKeySaysSo() {
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + stores.location("trust.p12"),
                SERVER + ".key-store-password=" + KeyStorePki.TRUST_PASSWORD);
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-store\n")
                .contains("the key store holds no private key entry (its entries: ca)");
        assertThat(analysis.getAction()).contains("a key store holding a private key entry")
                .contains("a store of CA certificates to trust is a truststore");
    }

    @Test
    void aKeyPasswordThatDoesNotOpenTheEntryNamesIt() {
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + stores.location("server.p12"),
                SERVER + ".key-store-password=" + KeyStorePki.PASSWORD, SERVER + ".key-password=wrong");
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-password\n")
                .contains("the password does not recover the private key of key store entry 'server'");
    }

    @Test
    void anEntryWithAPasswordOfItsOwnAsksForKeyPassword() {
        Path store = KeyStoreFile.pkcs12().key("server", stores.leaf("server"), stores.pki().root(), "entry")
                .write(directory.resolve("own-key-password.p12"), "store");
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + TestPki.location(store),
                SERVER + ".key-store-password=store");
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-store-password\n");
        assertThat(analysis.getAction()).isEqualTo("The entry's key has a password of its own: set "
                + "siotls.server.key-password to it.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server", "siotls.client"})
    void aKeyStoreAndPemFilesTogetherNameBoth(String side) {
        FailureAnalysis analysis = analysis(concat(stores.pemFiles(side, "server"),
                side + ".key-store=" + stores.location("server.p12"), side + ".key-store-password=" + KeyStorePki.PASSWORD));
        assertThat(analysis.getDescription()).contains("Property: " + side + ".key-store\n")
                .contains("is set together with " + side + ".certificate-chain, " + side + ".private-key");
        assertThat(analysis.getAction()).isEqualTo("Remove " + side + ".key-store or " + side + ".certificate-chain and "
                + side + ".private-key.");
    }

    @Test
    void aBundleAndAKeyStoreTogetherNameBoth() {
        FailureAnalysis analysis = analysis("spring.ssl.bundle.pem.web.keystore.certificate="
                + TestPki.location(stores.leaf("server").chainFile()),
                "spring.ssl.bundle.pem.web.keystore.private-key=" + TestPki.location(stores.leaf("server").keyFile()),
                SERVER + ".bundle=web", SERVER + ".key-store=" + stores.location("server.p12"),
                SERVER + ".key-store-password=" + KeyStorePki.PASSWORD);
        assertThat(analysis.getDescription()).contains("Property: siotls.server.bundle\n")
                .contains("is set together with siotls.server.key-store, siotls.server.key-store-password");
    }

    @Test
    void aBundleAndATruststoreKeyStoreTogetherNameBoth() {
        FailureAnalysis analysis = analysis("spring.ssl.bundle.pem.partners.truststore.certificate="
                + stores.location("ca.pem"), "siotls.client.bundle=partners",
                "siotls.client.trust-store=" + stores.location("trust.p12"));
        assertThat(analysis.getDescription()).contains("Property: siotls.client.bundle\n")
                .contains("is set together with siotls.client.truststore");
    }

    @Test
    void aKeyAliasWithoutAKeyStoreIsRefused() {
        FailureAnalysis analysis = analysis(concat(stores.pemFiles("siotls.client", "client"), "siotls.client.key-alias=client"));
        assertThat(analysis.getDescription()).contains("Property: siotls.client.key-alias\n")
                .contains("is set without siotls.client.key-store, so nothing would read it");
    }

    @Test
    void aKeyStorePasswordWithoutAnyServerKeyNeverLeavesAPlainHttpServer() {
        FailureAnalysis analysis = analysis(SERVER + ".key-store-password=" + KeyStorePki.PASSWORD);
        assertThat(analysis.getDescription()).contains("Property: siotls.server.certificate-chain\n")
                .contains("siotls.server.key-store-password is: the server has no certificate to present");
        assertThat(analysis.getAction()).contains("siotls.server.key-store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"siotls.server.certificate-chain", "siotls.server.private-key"})
    void aPkcs12GivenAsAPemFileSuggestsKeyStore(String property) {
        TestPki.Leaf leaf = stores.leaf("server");
        String chain = property.endsWith("certificate-chain") ? stores.location("server.p12") : TestPki.location(leaf.chainFile());
        String key = property.endsWith("private-key") ? stores.location("server.p12") : TestPki.location(leaf.keyFile());
        FailureAnalysis analysis = analysis(SERVER + ".certificate-chain=" + chain, SERVER + ".private-key=" + key);
        assertThat(analysis.getDescription()).contains("Property: " + property + "\n")
                .contains("is a PKCS#12 key store, not a PEM or DER certificate or key");
        assertThat(analysis.getAction()).isEqualTo("It is a key store: set siotls.server.key-store to it (with "
                + "siotls.server.key-store-password) instead of the certificate-chain and private-key properties.");
    }

    @Test
    void aJksGivenToAnSniChainSuggestsItsKeyStore() {
        String sni = SERVER + ".sni[api.localhost]";
        FailureAnalysis analysis = analysis(concat(stores.pemFiles(SERVER, "server"),
                sni + ".certificate-chain=" + stores.location("api.jks"),
                sni + ".private-key=" + TestPki.location(stores.leaf("api").keyFile())));
        assertThat(analysis.getDescription()).contains("Property: " + sni + ".certificate-chain\n")
                .contains("is a JKS key store");
        assertThat(analysis.getAction()).startsWith("It is a key store: set " + sni + ".key-store to it");
    }

    @Test
    void aPemFileGivenAsKeyStoreSuggestsThePemProperties() {
        FailureAnalysis analysis = analysis(SERVER + ".key-store=" + TestPki.location(stores.leaf("server").chainFile()),
                SERVER + ".key-store-password=" + KeyStorePki.PASSWORD);
        assertThat(analysis.getDescription()).contains("Property: siotls.server.key-store\n")
                .contains("is a PEM file, not a PKCS#12 or JKS key store");
        assertThat(analysis.getAction()).isEqualTo("PEM files go to siotls.server.certificate-chain and "
                + "siotls.server.private-key instead of siotls.server.key-store.");
    }

    @Test
    void anSniKeyStoreAndPemFilesTogetherNameBoth() {
        String sni = SERVER + ".sni[api.localhost]";
        FailureAnalysis analysis = analysis(concat(stores.pemFiles(SERVER, "server"),
                sni + ".key-store=" + stores.location("api.p12"), sni + ".key-store-password=" + KeyStorePki.PASSWORD,
                sni + ".certificate-chain=" + TestPki.location(stores.leaf("api").chainFile())));
        assertThat(analysis.getDescription()).contains("Property: " + sni + ".key-store\n")
                .contains("is set together with " + sni + ".certificate-chain");
    }

    @Test
    void anSniKeyStoreForAnotherHostNamesItsKeyStore() {
        String sni = SERVER + ".sni[other.localhost]";
        FailureAnalysis analysis = analysis(concat(stores.pemFiles(SERVER, "server"),
                sni + ".key-store=" + stores.location("api.p12"), sni + ".key-store-password=" + KeyStorePki.PASSWORD));
        assertThat(analysis.getDescription()).contains("Property: " + sni + ".key-store\n")
                .contains("does not name other.localhost");
    }

    @Test
    void aWrongTruststorePasswordNamesIt() {
        FailureAnalysis analysis = analysis("siotls.client.truststore=" + stores.location("trust.jks"),
                "siotls.client.truststore-password=wrong");
        assertThat(analysis.getDescription()).contains("Property: siotls.client.truststore-password\n")
                .contains("does not open " + stores.described("trust.jks"));
    }

    @Test
    void aPkcs12TruststoreWithoutItsPasswordAsksForIt() {
        FailureAnalysis analysis = analysis("siotls.client.truststore=" + stores.location("trust.p12"));
        assertThat(analysis.getDescription()).contains("Property: siotls.client.truststore\n")
                .contains("holds no trusted certificate entry");
        assertThat(analysis.getAction()).startsWith("Set siotls.client.truststore-password: the certificates of a "
                + "PKCS#12 file cannot be read without it.");
    }

    @Test
    void aTruststorePasswordForAPemTruststoreIsRefused() {
        FailureAnalysis analysis = analysis("siotls.client.truststore=" + stores.location("ca.pem"),
                "siotls.client.truststore-password=" + KeyStorePki.TRUST_PASSWORD);
        assertThat(analysis.getDescription()).contains("Property: siotls.client.truststore-password\n")
                .contains("a PEM file, which has none");
    }

    @Test
    void aTruststorePasswordWithoutATruststoreIsRefused() {
        FailureAnalysis analysis = analysis("siotls.client.trust-store-password=" + KeyStorePki.TRUST_PASSWORD);
        assertThat(analysis.getDescription()).contains("Property: siotls.client.truststore-password\n")
                .contains("is set without siotls.client.truststore");
    }

    private Path twoKeys() {
        return KeyStoreFile.pkcs12().key("server", stores.leaf("server"), stores.pki().root(), KeyStorePki.PASSWORD)
                .key("api", stores.leaf("api"), stores.pki().root(), KeyStorePki.PASSWORD)
                .write(directory.resolve("two-keys.p12"), KeyStorePki.PASSWORD);
    }

    private FailureAnalysis analysis(String... properties) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            analysis[0] = analyzer.analyze(context.getStartupFailure());
            assertThat(analysis[0]).as("analysis of %s", context.getStartupFailure()).isNotNull();
        });
        return analysis[0];
    }

    private static String[] concat(String[] first, String... second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
