package io.siotls.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void serverIdentityChainsToItsRootForEveryKeyType(KeyType type) throws Exception {
        Identity identity = TestPki.server(type);
        X509Certificate leaf = identity.leaf();
        leaf.verify(identity.root().getPublicKey());
        leaf.checkValidity();
        assertThat(identity.chain()).containsExactly(leaf);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(leaf.getKeyUsage()[0]).isTrue();
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(identity.publicKey()).isEqualTo(leaf.getPublicKey());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void privateKeySignsWhatTheLeafKeyVerifies(KeyType type) throws Exception {
        Identity identity = TestPki.client(type);
        String algorithm = switch (type) {
            case EC_P256, EC_P384, EC_P521 -> "SHA256withECDSA";
            case RSA_2048 -> "SHA256withRSA";
            case RSA_PSS_2048 -> "RSASSA-PSS";
            case ED25519, ED448 -> type == KeyType.ED25519 ? "Ed25519" : "Ed448";
        };
        Signature signer = Signature.getInstance(algorithm);
        if (type == KeyType.RSA_PSS_2048) {
            signer.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                    java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        }
        signer.initSign(identity.privateKey());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        signer.initVerify(identity.leaf());
        signer.update(new byte[] {1, 2, 3});
        assertThat(signer.verify(signature)).isTrue();
        assertThat(identity.leaf().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void defaultIdentitiesOfOneTypeShareTheirRoot() {
        assertThat(TestPki.server(KeyType.EC_P256).root()).isEqualTo(TestPki.client(KeyType.EC_P256).root());
        assertThat(TestPki.server(KeyType.EC_P256).root()).isNotEqualTo(TestPki.server(KeyType.ED25519).root());
    }

    @Test
    void builderChoosesNamesValidityUsagesAndIntermediate() throws Exception {
        Identity identity = TestPki.builder()
                .keyType(KeyType.ED25519)
                .caKeyType(KeyType.EC_P384)
                .withIntermediate()
                .dnsNames("a.example", "*.b.example")
                .ipAddresses("192.0.2.1")
                .eku(Eku.BOTH)
                .keyUsage(null)
                .expired()
                .build();
        X509Certificate leaf = identity.leaf();
        X509Certificate intermediate = identity.chain().get(1);
        assertThat(identity.chain()).hasSize(2);
        leaf.verify(intermediate.getPublicKey());
        intermediate.verify(identity.root().getPublicKey());
        assertThat(intermediate.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(leaf.getNotAfter()).isBefore(new Date());
        assertThat(leaf.getKeyUsage()).isNull();
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=a.example,O=siotls tests");
        assertThat(leaf.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .containsExactly((Object) "a.example", "*.b.example", "192.0.2.1");
        assertThat(TestPki.builder().eku(Eku.NONE).notYetValid().build().leaf())
                .satisfies(notYet -> assertThat(notYet.getExtendedKeyUsage()).isNull())
                .satisfies(notYet -> assertThat(notYet.getNotBefore()).isAfter(new Date()));
    }

    @Test
    void writesPemFilesOpenSslAccepts(@TempDir Path dir) {
        assumeTrue(OpenSsl.available(), "openssl is not installed");
        for (KeyType type : KeyType.values()) {
            Identity identity = TestPki.builder().keyType(type).withIntermediate().build();
            PemFiles files = identity.writePem(dir.resolve(type.name()));
            String chain = files.chain().toString();
            OpenSsl.Result verified = OpenSsl.run("verify", "-purpose", "sslserver", "-CAfile", files.ca().toString(),
                    "-untrusted", chain, chain).assertSuccess();
            assertThat(verified.output()).contains(": OK");
            String keyPublic = OpenSsl.run("pkey", "-in", files.key().toString(), "-pubout").assertSuccess().output();
            String certPublic = OpenSsl.run("x509", "-in", chain, "-noout", "-pubkey").assertSuccess().output();
            assertThat(keyPublic).as(type.name()).isEqualTo(certPublic);
        }
    }

    @Test
    void writtenKeyIsUnencryptedPkcs8(@TempDir Path dir) throws Exception {
        PemFiles files = TestPki.server(KeyType.EC_P256).writePem(dir);
        assertThat(Files.readString(files.key())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(files.ca())).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void rootsWithDistinctNamesHaveDistinctKeys() {
        CertificateAuthority other = CertificateAuthority.root(KeyType.EC_P256, "other root");
        assertThat(other.keyPair().getPublic()).isNotEqualTo(CertificateAuthority.shared(KeyType.EC_P256).keyPair().getPublic());
        assertThat(other.root()).isSameAs(other.certificate());
        assertThat(Instant.now()).isBefore(other.certificate().getNotAfter().toInstant());
    }
}
