package io.siotls.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.CertificateAuthority;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.Pem;
import io.siotls.testing.TestPki;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoresTest {

    private static final X509Certificate EC_ROOT = CertificateAuthority.shared(KeyType.EC_P256).root();
    private static final X509Certificate ED_ROOT = CertificateAuthority.shared(KeyType.ED25519).root();

    @TempDir
    Path dir;

    @Test
    void systemLoadsTheJdkDefaultAnchors() {
        TrustStore system = TrustStores.system();
        assertThat(system.trustAnchors()).isNotEmpty();
        assertThat(system.trustAnchorSubjects()).isNotEmpty();
        assertThat(system.toString()).matches("system trust store \\(\\d+ anchors\\)");
        assertThat(system).isEqualTo(TrustStores.system());
        Identity identity = TestPki.server(KeyType.EC_P256);
        assertThatThrownBy(() -> system.verify(identity.chain(), Purpose.SERVER_AUTH, Instant.now()))
                .isInstanceOf(io.siotls.alerts.UnknownCA.class);
    }

    @Test
    void systemHonoursTheTrustStoreSystemProperty() throws Exception {
        Path file = dir.resolve("truststore.p12");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setCertificateEntry("root", EC_ROOT);
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, "changeit".toCharArray());
        }
        String[] names = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"};
        String[] saved = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            saved[i] = System.getProperty(names[i]);
        }
        try {
            System.setProperty(names[0], file.toString());
            System.setProperty(names[1], "changeit");
            System.setProperty(names[2], "PKCS12");
            TrustStore system = TrustStores.system();
            assertThat(system.trustAnchors()).containsExactly(EC_ROOT);
            system.verify(TestPki.server(KeyType.EC_P256).chain(), Purpose.SERVER_AUTH, Instant.now());
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(names[i]);
                } else {
                    System.setProperty(names[i], saved[i]);
                }
            }
        }
    }

    @Test
    void fromPemReadsABundleAndNamesItsFile() throws Exception {
        Path bundle = Files.writeString(dir.resolve("ca-bundle.pem"),
                "# test roots\n" + Pem.certificates(List.of(EC_ROOT, ED_ROOT, EC_ROOT)));
        TrustStore store = TrustStores.fromPem(bundle);
        assertThat(store.trustAnchors()).containsExactly(EC_ROOT, ED_ROOT);
        assertThat(store.trustAnchorSubjects()).containsExactly(EC_ROOT.getSubjectX500Principal(), ED_ROOT.getSubjectX500Principal());
        assertThat(store).hasToString("PEM trust store " + bundle + " (2 anchors)");
        store.verify(TestPki.client(KeyType.ED25519).chain(), Purpose.CLIENT_AUTH, Instant.now());
    }

    @Test
    void fromPemFailsNamingTheFile() throws Exception {
        Path keyOnly = TestPki.server(KeyType.EC_P256).writePem(dir).key();
        assertThatThrownBy(() -> TrustStores.fromPem(keyOnly))
                .isExactlyInstanceOf(TLSConfigurationException.class)
                .hasMessage(keyOnly + ": holds a PRIVATE KEY, expected a CERTIFICATE");
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> TrustStores.fromPem(missing))
                .isExactlyInstanceOf(TLSConfigurationException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void fromKeyStoreTakesTrustedCertificateEntriesOnly() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", identity.privateKey(), "pw".toCharArray(), identity.chain().toArray(Certificate[]::new));
        assertThatThrownBy(() -> TrustStores.fromKeyStore(keyStore))
                .isExactlyInstanceOf(TLSConfigurationException.class)
                .hasMessage("trust store: the PKCS12 KeyStore holds no trusted certificate entry");
        keyStore.setCertificateEntry("root", EC_ROOT);
        TrustStore store = TrustStores.fromKeyStore(keyStore);
        assertThat(store.trustAnchors()).containsExactly(EC_ROOT);
        assertThat(store).hasToString("PKCS12 KeyStore trust store (1 anchor)");
    }

    @Test
    void fromKeyStoreRejectsAnUnloadedOrMissingKeyStore() throws Exception {
        KeyStore unloaded = KeyStore.getInstance("PKCS12");
        assertThatThrownBy(() -> TrustStores.fromKeyStore(unloaded))
                .isExactlyInstanceOf(TLSConfigurationException.class)
                .hasMessage("trust store: the PKCS12 KeyStore is not loaded");
        assertThatThrownBy(() -> TrustStores.fromKeyStore(null))
                .isExactlyInstanceOf(TLSConfigurationException.class);
    }

    @Test
    void fromCertificatesRejectsNoneOrNull() {
        assertThatThrownBy(() -> TrustStores.fromCertificates(List.of()))
                .isExactlyInstanceOf(TLSConfigurationException.class)
                .hasMessage("trust store: no trust anchor certificate was given");
        assertThatThrownBy(() -> TrustStores.fromCertificates(null)).isExactlyInstanceOf(TLSConfigurationException.class);
        assertThatThrownBy(() -> TrustStores.fromCertificates(java.util.Arrays.asList(EC_ROOT, null)))
                .isExactlyInstanceOf(TLSConfigurationException.class)
                .hasMessage("trust store: a null certificate was given");
    }

    @Test
    void storesAreEqualByTheirSetOfAnchors() throws Exception {
        Path bundle = Files.writeString(dir.resolve("bundle.pem"), Pem.certificates(List.of(ED_ROOT, EC_ROOT)));
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setCertificateEntry("a", EC_ROOT);
        keyStore.setCertificateEntry("b", ED_ROOT);
        TrustStore fromList = TrustStores.fromCertificates(List.of(EC_ROOT, ED_ROOT));
        assertThat(TrustStores.fromPem(bundle)).isEqualTo(fromList).hasSameHashCodeAs(fromList);
        assertThat(TrustStores.fromKeyStore(keyStore)).isEqualTo(fromList).hasSameHashCodeAs(fromList);
        assertThat(TrustStores.fromCertificates(List.of(EC_ROOT))).isNotEqualTo(fromList);
        assertThat(fromList).hasToString("trust store (2 anchors)").isNotEqualTo("trust store");
    }

    @Test
    void anchorSubjectsAreDistinct() {
        X509Certificate renewed = CertificateAuthority.root(KeyType.EC_P256, "siotls test root EC_P256",
                Instant.now(), Instant.now().plusSeconds(3600)).certificate();
        TrustStore store = TrustStores.fromCertificates(List.of(EC_ROOT, renewed));
        assertThat(store.trustAnchors()).hasSize(2);
        assertThat(store.trustAnchorSubjects()).containsExactly(new X500Principal("CN=siotls test root EC_P256,O=siotls tests"));
    }
}
