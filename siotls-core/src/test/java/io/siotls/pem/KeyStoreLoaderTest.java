package io.siotls.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.KeyStoreFile;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreLoaderTest {

    @TempDir
    Path dir;

    private TestPki pki;
    private TestPki.Leaf leaf;

    @BeforeEach
    void pki() {
        pki = new TestPki(dir);
        leaf = pki.leaf("server", "localhost");
    }

    @Test
    void theTypeComesFromTheContentWhateverTheFileName() throws Exception {
        Path pkcs12 = KeyStoreFile.pkcs12().key("server", leaf, pki.root(), "secret").write(dir.resolve("a.jks"), "secret");
        Path jks = KeyStoreFile.jks().key("server", leaf, pki.root(), "secret").write(dir.resolve("b.p12"), "secret");
        assertThat(KeyStoreLoader.typeOf(Files.readAllBytes(pkcs12))).isEqualTo("PKCS12");
        assertThat(KeyStoreLoader.typeOf(Files.readAllBytes(jks))).isEqualTo("JKS");
        for (Path file : new Path[] {pkcs12, jks}) {
            KeyStore store = KeyStoreLoader.load(file, "secret".toCharArray(), ConfigurationOption.SIGNING_CHAIN);
            assertThat(Collections.list(store.aliases())).containsExactly("server");
            assertThat(store.getCertificate("server")).isEqualTo(leaf.certificate());
        }
    }

    @Test
    void certificatesAndKeysAreNoKeyStores() throws Exception {
        assertThat(KeyStoreLoader.typeOf(Files.readAllBytes(leaf.chainFile()))).isNull();
        assertThat(KeyStoreLoader.typeOf(leaf.certificate().getEncoded())).isNull();
        assertThat(KeyStoreLoader.typeOf(leaf.keys().getPrivate().getEncoded())).isNull();
        assertThat(KeyStoreLoader.typeOf(new byte[] {1, 2})).isNull();
    }

    @Test
    void aWrongPasswordIsTypedAndNamesTheFile() {
        for (KeyStoreFile kind : new KeyStoreFile[] {KeyStoreFile.pkcs12(), KeyStoreFile.jks()}) {
            Path file = kind.key("server", leaf, pki.root(), "secret").write(dir.resolve("store"), "secret");
            assertThatThrownBy(() -> KeyStoreLoader.load(file, "wrong".toCharArray(), ConfigurationOption.TRUSTSTORE))
                    .isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
                        assertThat(e.problem()).isEqualTo(ConfigurationProblem.WRONG_PASSWORD);
                        assertThat(e.option()).isEqualTo(ConfigurationOption.TRUSTSTORE);
                        assertThat(e.source()).isEqualTo(file.toString());
                    })
                    .hasMessageStartingWith(file + ": the password does not open this ");
        }
    }

    @Test
    void aPemFileIsTheWrongKind() {
        assertThatThrownBy(() -> KeyStoreLoader.load(leaf.chainFile(), null, ConfigurationOption.SIGNING_CHAIN))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.WRONG_KIND))
                .hasMessage(leaf.chainFile() + ": is a PEM file, not a PKCS#12 or JKS key store");
    }

    @Test
    void junkAndNothingAreRefused() {
        assertThatThrownBy(() -> KeyStoreLoader.load("hello".getBytes(StandardCharsets.US_ASCII), "junk", null,
                ConfigurationOption.SIGNING_CHAIN))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.MALFORMED))
                .hasMessage("junk: is not a PKCS#12, JKS or JCEKS key store");
        assertThatThrownBy(() -> KeyStoreLoader.load(new byte[0], "nothing", null, ConfigurationOption.SIGNING_CHAIN))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.EMPTY));
    }

    @Test
    void aTruncatedKeyStoreIsMalformed() throws Exception {
        Path file = KeyStoreFile.jks().trusted("ca", pki.root()).write(dir.resolve("trust.jks"), "secret");
        byte[] content = Files.readAllBytes(file);
        byte[] truncated = java.util.Arrays.copyOf(content, content.length / 2);
        assertThatThrownBy(() -> KeyStoreLoader.load(truncated, "half", "secret".toCharArray(),
                ConfigurationOption.TRUSTSTORE))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.MALFORMED))
                .hasMessageStartingWith("half: is a malformed JKS key store");
    }
}
