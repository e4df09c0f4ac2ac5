package io.siotls;

import io.siotls.connection.TLSConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.OpenSsl;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStore;
import io.siotls.trust.TrustStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates, keys and trust stores as values (PEP 748): buffers, files, key stores. */
class KeyMaterialValuesTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P384);
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private Path pkcs12(PemFiles pem) {
        Path file = dir.resolve("server.p12");
        OpenSsl.run("pkcs12", "-export", "-in", pem.chain().toString(), "-inkey", pem.key().toString(),
                "-name", "server", "-out", file.toString(), "-passout", "pass:changeit").assertSuccess();
        return file;
    }

    @Test
    void signingChainsFromEveryKindOfSourceAreEqual() throws Exception {
        PemFiles pem = IDENTITY.writePem(dir);
        SigningChain fromFiles = SigningChain.fromFiles(pem.chain(), pem.key(), null);
        SigningChain fromBytes = SigningChain.fromBytes(Files.readAllBytes(pem.chain()), "chain buffer",
                Files.readAllBytes(pem.key()), "key buffer", null);
        SigningChain fromPkcs12 = SigningChain.fromPkcs12(pkcs12(pem), PASSWORD, null);
        SigningChain fromValues = new SigningChain(IDENTITY.chain(), IDENTITY.privateKey());
        assertThat(fromFiles).isEqualTo(fromBytes).isEqualTo(fromPkcs12).isEqualTo(fromValues);
        assertThat(fromPkcs12.toString()).contains("CN=localhost").doesNotContain("PRIVATE");
    }

    @Test
    void serverConfiguredFromAPkcs12FileServesItsChain() {
        SigningChain chain = SigningChain.fromPkcs12(pkcs12(IDENTITY.writePem(dir)), PASSWORD, "server");
        TLSConfiguration server = TLSConfiguration.server().signingChain(chain).build();
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        MemoryPipe.handshake(client, new TLSConnection(server));
        assertThat(client.nconfig().peerCertificateChain()).isEqualTo(IDENTITY.chain());
    }

    @Test
    void keyStoreErrorsNameTheEntry() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        assertThatThrownBy(() -> SigningChain.fromKeyStore(keyStore, "missing", PASSWORD))
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessage("key store entry 'missing' does not exist (private key entries: none)");
        assertThatThrownBy(() -> SigningChain.fromPkcs12(dir.resolve("none.p12"), PASSWORD, null))
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("none.p12: cannot read PKCS#12 key store");
        Path pkcs12 = pkcs12(IDENTITY.writePem(dir));
        assertThatThrownBy(() -> SigningChain.fromPkcs12(pkcs12, "wrong".toCharArray(), null))
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("the password does not open this PKCS#12 key store")
                .extracting(e -> ((TLSConfigurationException) e).problem())
                .isEqualTo(ConfigurationProblem.WRONG_PASSWORD);
    }

    @Test
    void theOnlyPrivateKeyEntryIsTakenWhenNoAliasIsGiven() throws Exception {
        KeyStore keyStore = keyStore("server", IDENTITY);
        keyStore.setCertificateEntry("ca", IDENTITY.root());
        assertThat(SigningChain.fromKeyStore(keyStore, null, PASSWORD))
                .isEqualTo(new SigningChain(IDENTITY.chain(), IDENTITY.privateKey()));
    }

    @Test
    void severalPrivateKeyEntriesWithoutAnAliasAreAmbiguousAndListed() throws Exception {
        Identity other = TestPki.server(KeyType.ED25519);
        KeyStore keyStore = keyStore("server", IDENTITY);
        keyStore.setKeyEntry("other", other.privateKey(), PASSWORD, other.chain().toArray(new X509Certificate[0]));
        assertThatThrownBy(() -> SigningChain.fromKeyStore(keyStore, null, PASSWORD))
                .isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ConfigurationProblem.AMBIGUOUS);
                    assertThat(e.option()).isEqualTo(ConfigurationOption.SIGNING_CHAIN);
                })
                .hasMessageContaining("holds 2 private key entries").hasMessageContaining("server")
                .hasMessageContaining("other");
        assertThat(SigningChain.fromKeyStore(keyStore, "other", PASSWORD).leaf()).isEqualTo(other.leaf());
    }

    @Test
    void aMissingAliasListsThePrivateKeyEntries() throws Exception {
        KeyStore keyStore = keyStore("server", IDENTITY);
        assertThatThrownBy(() -> SigningChain.fromKeyStore(keyStore, "sever", PASSWORD))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.MISSING))
                .hasMessage("key store entry 'sever' does not exist (private key entries: server)");
    }

    @Test
    void aTrustedCertificateEntryIsNoPrivateKey() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setCertificateEntry("ca", IDENTITY.root());
        assertThatThrownBy(() -> SigningChain.fromKeyStore(keyStore, null, PASSWORD))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.MISSING))
                .hasMessage("the key store holds no private key entry (its entries: ca)");
        assertThatThrownBy(() -> SigningChain.fromKeyStore(keyStore, "ca", PASSWORD))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.WRONG_KIND))
                .hasMessage("key store entry 'ca' is not a private key entry (private key entries: none)");
    }

    @Test
    void aWrongKeyPasswordIsTold() throws Exception {
        KeyStore keyStore = keyStore("server", IDENTITY);
        assertThatThrownBy(() -> SigningChain.fromKeyStore(keyStore, "server", "wrong".toCharArray()))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.WRONG_PASSWORD))
                .hasMessageStartingWith("the password does not recover the private key of key store entry 'server'");
    }

    private static KeyStore keyStore(String alias, Identity identity) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(alias, identity.privateKey(), PASSWORD, identity.chain().toArray(new X509Certificate[0]));
        return keyStore;
    }

    @Test
    void trustStoresFromAKeyStoreFileAndTheSystem() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setCertificateEntry("root", IDENTITY.root());
        Path file = dir.resolve("trust.p12");
        try (var out = Files.newOutputStream(file)) {
            keyStore.store(out, PASSWORD);
        }
        TrustStore fromFile = TrustStores.fromKeyStoreFile(file, "PKCS12", PASSWORD);
        assertThat(fromFile).isEqualTo(TrustStores.fromCertificates(List.of(IDENTITY.root())));
        assertThat(TrustStore.system()).isEqualTo(TrustStores.system());
        assertThatThrownBy(() -> TrustStores.fromKeyStoreFile(file, "PKCS12", "wrong".toCharArray()))
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("trust.p12: the password does not open the PKCS12 trust store")
                .extracting(e -> ((TLSConfigurationException) e).problem())
                .isEqualTo(ConfigurationProblem.WRONG_PASSWORD);
    }

    @Test
    void eachSigningChainKeyMustMatchItsCertificate() {
        Identity other = TestPki.server(KeyType.ED25519);
        assertThatThrownBy(() -> Configs.server(IDENTITY)
                .signingChain(new SigningChain(other.chain(), IDENTITY.privateKey())).build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("does not match the public key of signing chain");
    }
}
