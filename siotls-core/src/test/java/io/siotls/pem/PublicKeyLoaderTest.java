package io.siotls.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSsl;
import io.siotls.testing.Pem;
import io.siotls.testing.Signatures;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PublicKeyLoaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void loadsPemAndDerSubjectPublicKeyInfoOfEveryKeyType(KeyType type) throws Exception {
        Identity identity = TestPki.server(type);
        byte[] der = identity.publicKey().getEncoded();
        PublicKey fromPem = PublicKeyLoader.loadPublicKey(Pem.encode("PUBLIC KEY", der).getBytes(StandardCharsets.US_ASCII), "pem");
        PublicKey fromDer = PublicKeyLoader.loadPublicKey(der, "der");
        assertThat(fromPem).isEqualTo(identity.publicKey());
        assertThat(fromDer).isEqualTo(identity.publicKey());
        assertThat(Signatures.signAndVerify(identity.privateKey(), fromPem)).isTrue();
    }

    @Test
    void loadsWhatOpenSslWrites() throws Exception {
        assumeTrue(OpenSsl.available(), "openssl is not installed");
        Identity identity = TestPki.server(KeyType.EC_P384);
        Path key = identity.writePem(dir).key();
        Path pub = dir.resolve("pub.pem");
        OpenSsl.run("pkey", "-in", key.toString(), "-pubout", "-out", pub.toString()).assertSuccess();
        assertThat(PublicKeyLoader.loadPublicKey(pub)).isEqualTo(identity.publicKey());
    }

    @Test
    void certificateOrPrivateKeyInsteadOfPublicKeyIsNamed() throws Exception {
        Identity identity = TestPki.server(KeyType.ED25519);
        var files = identity.writePem(dir);
        assertError(() -> PublicKeyLoader.loadPublicKey(files.chain()), files.chain() + ": holds a CERTIFICATE, expected a PUBLIC KEY");
        assertError(() -> PublicKeyLoader.loadPublicKey(files.key()), files.key() + ": holds a PRIVATE KEY, expected a PUBLIC KEY");
        Path missing = dir.resolve("missing.pub");
        assertError(() -> PublicKeyLoader.loadPublicKey(missing), missing + ": file not found");
    }

    @Test
    void malformedAndUnsupportedPublicKeysAreNamed() throws Exception {
        assertError(() -> PublicKeyLoader.loadPublicKey(
                Pem.encode("PUBLIC KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}).getBytes(StandardCharsets.US_ASCII), "bad.pub"),
                "bad.pub: holds a malformed PUBLIC KEY");
        assumeTrue(OpenSsl.available(), "openssl is not installed");
        Path x448 = dir.resolve("x448.pem");
        OpenSsl.run("genpkey", "-algorithm", "x448", "-out", x448.toString()).assertSuccess();
        Path pub = dir.resolve("x448.pub");
        OpenSsl.run("pkey", "-in", x448.toString(), "-pubout", "-outform", "DER", "-out", pub.toString()).assertSuccess();
        assertThat(Files.size(pub)).isPositive();
        assertError(() -> PublicKeyLoader.loadPublicKey(pub), pub + ": unsupported key type X448");
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isExactlyInstanceOf(TLSConfigurationException.class).hasMessageStartingWith(messageStart);
    }
}
