package io.siotls.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSsl;
import io.siotls.testing.Pem;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateLoaderTest {

    @TempDir
    Path dir;

    @Test
    void loadsEveryCertificateOfAPemFileInOrderIgnoringOtherContent() throws Exception {
        Identity identity = TestPki.builder().withIntermediate().build();
        String text = "subject=CN = localhost\r\n" + Pem.certificates(identity.chain()).replace("\n", "\r\n")
                + "issuer: the root\n" + Pem.encode("PRIVATE KEY", identity.privateKey().getEncoded())
                + Pem.certificates(List.of(identity.root())) + "end of bundle";
        Path file = Files.writeString(dir.resolve("bundle.pem"), text);
        assertThat(CertificateLoader.loadCertificates(file))
                .containsExactly(identity.leaf(), identity.chain().get(1), identity.root());
    }

    @Test
    void loadsOneDerCertificate() {
        X509Certificate leaf = TestPki.server(KeyType.ED448).leaf();
        assertThat(CertificateLoader.loadCertificates(encoded(leaf), "leaf.der")).containsExactly(leaf);
    }

    @Test
    void loadsWhatOpenSslWrites() throws Exception {
        assumeTrue(OpenSsl.available(), "openssl is not installed");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        OpenSsl.run("req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                "-subj", "/CN=openssl.example", "-days", "1").assertSuccess();
        Path der = dir.resolve("cert.der");
        OpenSsl.run("x509", "-in", cert.toString(), "-outform", "DER", "-out", der.toString()).assertSuccess();
        X509Certificate fromPem = CertificateLoader.loadCertificates(cert).get(0);
        assertThat(fromPem.getSubjectX500Principal().getName()).isEqualTo("CN=openssl.example");
        assertThat(CertificateLoader.loadCertificates(der)).containsExactly(fromPem);
        assertThat(PrivateKeyLoader.loadPrivateKey(key, null).getAlgorithm()).isIn("EdDSA", "Ed25519");
    }

    @Test
    void keyInsteadOfCertificateIsNamed() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        Path file = identity.writePem(dir).key();
        assertError(() -> CertificateLoader.loadCertificates(file), file + ": holds a PRIVATE KEY, expected a CERTIFICATE");
        assertError(() -> CertificateLoader.loadCertificates(identity.publicKey().getEncoded(), "key.der"),
                "key.der: holds a DER PUBLIC KEY, expected a CERTIFICATE");
    }

    @Test
    void malformedCertificateIsNamedWithItsPosition() {
        byte[] leaf = encoded(TestPki.server(KeyType.EC_P256).leaf());
        byte[] tampered = Arrays.copyOf(leaf, leaf.length);
        tampered[4] = 0x05;
        String text = Pem.encode("CERTIFICATE", leaf) + Pem.encode("CERTIFICATE", tampered);
        assertError(() -> CertificateLoader.loadCertificates(text.getBytes(StandardCharsets.US_ASCII), "two.pem"),
                "two.pem: certificate #2 is malformed");
    }

    @Test
    void missingEmptyAndGarbageFilesAreNamed() throws Exception {
        Path missing = dir.resolve("missing.pem");
        assertError(() -> CertificateLoader.loadCertificates(missing), missing + ": file not found");
        Path empty = Files.createFile(dir.resolve("empty.pem"));
        assertError(() -> CertificateLoader.loadCertificates(empty), empty + ": is empty");
        assertError(() -> CertificateLoader.loadCertificates(new byte[] {(byte) 0xff, 1, 2}, "garbage"),
                "garbage: holds no PEM block and is not DER");
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isExactlyInstanceOf(TLSConfigurationException.class).hasMessageStartingWith(messageStart);
    }

    @Test
    void aPkcs12KeyStoreIsNamedAsSuch(@TempDir Path dir) throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        for (String type : List.of("PKCS12", "JKS")) {
            java.security.KeyStore store = java.security.KeyStore.getInstance(type);
            store.load(null, null);
            store.setKeyEntry("server", identity.privateKey(), "secret".toCharArray(),
                    identity.chain().toArray(new X509Certificate[0]));
            Path file = dir.resolve("server." + type.toLowerCase(java.util.Locale.ROOT));
            try (var out = Files.newOutputStream(file)) {
                store.store(out, "secret".toCharArray());
            }
            String kind = type.equals("PKCS12") ? "PKCS#12" : "JKS";
            assertThatThrownBy(() -> CertificateLoader.loadCertificates(file))
                    .isInstanceOf(TLSConfigurationException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("is a " + kind + " key store, not a PEM or DER certificate or key");
            assertThatThrownBy(() -> PrivateKeyLoader.loadPrivateKey(file, null))
                    .isInstanceOf(TLSConfigurationException.class)
                    .hasMessageContaining("is a " + kind + " key store");
        }
    }
}
