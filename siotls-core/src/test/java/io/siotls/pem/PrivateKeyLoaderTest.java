package io.siotls.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSsl;
import io.siotls.testing.Pem;
import io.siotls.testing.Signatures;
import io.siotls.testing.TestPki;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyLoaderTest {

    private static final String PASSWORD = "s3cret-Passw0rd";
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireOpenSsl() {
        assumeTrue(OpenSsl.available(), "openssl is not installed");
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void loadsPkcs8PemAndDerOfEveryKeyTypeAsJdkKeys(KeyType type) throws Exception {
        KeyPair keys = KeyPairs.cached(type, "leaf");
        byte[] der = keys.getPrivate().getEncoded();
        PrivateKey fromPem = PrivateKeyLoader.loadPrivateKey(pem("PRIVATE KEY", der), "pem", null);
        PrivateKey fromDer = PrivateKeyLoader.loadPrivateKey(der, "der", null);
        assertThat(fromPem.getEncoded()).isEqualTo(der);
        assertThat(fromDer.getEncoded()).isEqualTo(der);
        assertJdkKey(fromPem, keys.getPublic());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void loadsBouncyCastleEncryptedPkcs8(KeyType type) throws Exception {
        PrivateKey key = KeyPairs.cached(type, "leaf").getPrivate();
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(BC).setPassword(PASSWORD.toCharArray()).build();
        String text = write(new JcaPKCS8Generator(key, encryptor));
        assertThat(text).contains("ENCRYPTED PRIVATE KEY");
        PrivateKey loaded = PrivateKeyLoader.loadPrivateKey(ascii(text), "bc", PASSWORD.toCharArray());
        assertThat(loaded.getEncoded()).isEqualTo(key.getEncoded());
    }

    /** BouncyCastle-made keys: JcaPEMWriter writes SEC1 curve parameters only for its own EC keys. */
    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"RSA_2048", "EC_P256", "EC_P384", "EC_P521"})
    void loadsBouncyCastleTraditionalPlainAndLegacyEncrypted(KeyType type) throws Exception {
        KeyPair keys = bouncyCastleKeyPair(type);
        String plain = write(keys.getPrivate(), null);
        assertThat(plain).contains(type == KeyType.RSA_2048 ? "RSA PRIVATE KEY" : "EC PRIVATE KEY");
        assertJdkKey(PrivateKeyLoader.loadPrivateKey(ascii(plain), "bc", null), keys.getPublic());

        String encrypted = write(keys.getPrivate(), new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC)
                .build(PASSWORD.toCharArray()));
        assertThat(encrypted).contains("Proc-Type: 4,ENCRYPTED");
        assertJdkKey(PrivateKeyLoader.loadPrivateKey(ascii(encrypted), "bc", PASSWORD.toCharArray()), keys.getPublic());
    }

    @Test
    void loadsKeysOfBouncyCastlesOwnProvider() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed448", BC);
        KeyPair keys = generator.generateKeyPair();
        PrivateKey loaded = PrivateKeyLoader.loadPrivateKey(pem("PRIVATE KEY", keys.getPrivate().getEncoded()), "bc", null);
        assertThat(loaded.getClass().getName()).doesNotContain("bouncycastle");
        PublicKey publicKey = PublicKeyLoader.loadPublicKey(keys.getPublic().getEncoded(), "bc public");
        assertThat(Signatures.signAndVerify(loaded, publicKey)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ed448", "rsa-pss", "rsa", "ec-p384-pkcs8"})
    void loadsOpenSslGenpkeyKeys(String kind) throws Exception {
        Path key = dir.resolve("genpkey-" + kind + ".pem");
        switch (kind) {
            case "ed25519" -> openssl("genpkey", "-algorithm", "ed25519", "-out", key);
            case "ed448" -> openssl("genpkey", "-algorithm", "ed448", "-out", key);
            case "rsa-pss" -> openssl("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key);
            case "rsa" -> openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key);
            default -> openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", key);
        }
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertLoadsLikeOpenSsl(key, null);
        Path der = dir.resolve("genpkey-" + kind + ".der");
        openssl("pkey", "-in", key, "-outform", "DER", "-out", der);
        assertLoadsLikeOpenSsl(der, null);
        assertLoadsWithDerPublicKey(key, dir.resolve("genpkey-" + kind + ".pub.der"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prime256v1", "secp384r1", "secp521r1"})
    void loadsOpenSslEcparamSec1KeysWithTheirParametersBlock(String curve) throws Exception {
        Path key = dir.resolve("ecparam-" + curve + ".pem");
        openssl("ecparam", "-name", curve, "-genkey", "-out", key);
        assertThat(Files.readString(key)).contains("BEGIN EC PARAMETERS").contains("BEGIN EC PRIVATE KEY");
        assertLoadsLikeOpenSsl(key, null);
        Path der = dir.resolve("ecparam-" + curve + ".der");
        openssl("ec", "-in", key, "-outform", "DER", "-out", der);
        assertLoadsLikeOpenSsl(der, null);
    }

    @Test
    void loadsOpenSslPkcs1RsaKeyInPemAndDer() throws Exception {
        Path key = dir.resolve("genrsa.pem");
        openssl("genrsa", "-traditional", "-out", key, "2048");
        assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertLoadsLikeOpenSsl(key, null);
        Path der = dir.resolve("genrsa.der");
        openssl("rsa", "-in", key, "-traditional", "-outform", "DER", "-out", der);
        assertLoadsLikeOpenSsl(der, null);
    }

    @Test
    void loadsOpenSslEncryptedPkcs8InPemAndDer() throws Exception {
        Path plain = ecKey();
        Path encrypted = dir.resolve("pkcs8-encrypted.pem");
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", plain, "-out", encrypted, "-passout", "pass:" + PASSWORD);
        assertThat(Files.readString(encrypted)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertLoadsLikeOpenSsl(encrypted, PASSWORD);
        Path der = dir.resolve("pkcs8-encrypted.der");
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", plain, "-outform", "DER", "-out", der,
                "-passout", "pass:" + PASSWORD);
        assertThat(PrivateKeyLoader.loadPrivateKey(der, PASSWORD.toCharArray()).getEncoded())
                .isEqualTo(PrivateKeyLoader.loadPrivateKey(plain, null).getEncoded());
    }

    @Test
    void loadsOpenSslLegacyEncryptedRsaAndEcKeys() throws Exception {
        Path rsa = dir.resolve("legacy-rsa.pem");
        openssl("genrsa", "-traditional", "-out", dir.resolve("legacy-rsa-plain.pem"), "2048");
        openssl("rsa", "-in", dir.resolve("legacy-rsa-plain.pem"), "-traditional", "-aes256", "-out", rsa,
                "-passout", "pass:" + PASSWORD);
        assertThat(Files.readString(rsa)).contains("Proc-Type: 4,ENCRYPTED").contains("DEK-Info: AES-256-CBC");
        assertLoadsLikeOpenSsl(rsa, PASSWORD);
        Path ec = dir.resolve("legacy-ec.pem");
        openssl("ec", "-in", ecKey(), "-aes256", "-out", ec, "-passout", "pass:" + PASSWORD);
        assertThat(Files.readString(ec)).contains("BEGIN EC PRIVATE KEY").contains("Proc-Type: 4,ENCRYPTED");
        assertLoadsLikeOpenSsl(ec, PASSWORD);
    }

    @Test
    void ignoresTextAroundAndOtherBlocks() throws Exception {
        var identity = TestPki.server(KeyType.EC_P256);
        String text = "Bag Attributes\n  friendlyName: server\n" + Pem.certificates(identity.chain())
                + "some comment\n" + Pem.encode("PRIVATE KEY", identity.privateKey().getEncoded()) + "trailer\n";
        assertThat(PrivateKeyLoader.loadPrivateKey(ascii(text), "combined", null)).isEqualTo(identity.privateKey());
    }

    @Test
    void acceptsAPasswordForAnUnencryptedKey() {
        var identity = TestPki.server(KeyType.ED25519);
        byte[] content = pem("PRIVATE KEY", identity.privateKey().getEncoded());
        assertThat(PrivateKeyLoader.loadPrivateKey(content, "plain", PASSWORD.toCharArray())).isEqualTo(identity.privateKey());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope/key.pem");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(missing, null), missing + ": file not found");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(dir, null), dir + ": is a directory, expected a file");
        assertError(() -> PrivateKeyLoader.loadPrivateKey((Path) null, null), "(no file): no file was given");
    }

    @Test
    void unreadableFileIsNamed() throws Exception {
        Path unreadable = Files.writeString(dir.resolve("unreadable.pem"), "x");
        assumeTrue(unreadable.toFile().setReadable(false) && !Files.isReadable(unreadable), "running as root");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(unreadable, null), unreadable + ": cannot be read: permission denied");
    }

    @Test
    void certificateInsteadOfKeyIsNamed() throws Exception {
        Path file = dir.resolve("chain-only.pem");
        Files.writeString(file, Pem.certificates(TestPki.server(KeyType.EC_P256).chain()));
        assertError(() -> PrivateKeyLoader.loadPrivateKey(file, null),
                file + ": holds a CERTIFICATE, expected a private key");
        byte[] der = TestPki.server(KeyType.EC_P256).leaf().getEncoded();
        assertError(() -> PrivateKeyLoader.loadPrivateKey(der, "leaf.der", null),
                "leaf.der: holds a DER CERTIFICATE, expected a private key");
    }

    @Test
    void emptyAndNonPemContentIsNamed() {
        assertError(() -> PrivateKeyLoader.loadPrivateKey(new byte[0], "empty.pem", null), "empty.pem: is empty");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(ascii("hello"), "text.pem", null),
                "text.pem: holds no PEM block and is not DER");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(null, null, null), "(in-memory content): is empty");
    }

    @Test
    void malformedPemAndDerAreNamed() {
        assertError(() -> PrivateKeyLoader.loadPrivateKey(ascii("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"),
                "bad64.pem", null), "bad64.pem: holds a malformed PEM block");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(ascii("-----BEGIN PRIVATE KEY-----\nMIIB\n"), "cut.pem", null),
                "cut.pem: holds a malformed PEM block");
        byte[] der = KeyPairs.cached(KeyType.EC_P256, "leaf").getPrivate().getEncoded();
        byte[] truncated = java.util.Arrays.copyOf(der, der.length - 5);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(truncated, "cut.der", null),
                "cut.der: holds malformed DER (truncated or with trailing data)");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}, "odd.der", null),
                "odd.der: holds DER data that is neither a certificate nor a key");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(pem("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}),
                "junk.pem", null), "junk.pem: holds a malformed PRIVATE KEY");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(pem("EC PRIVATE KEY", new byte[] {0x04, 0x01, 0x00}),
                "junk-ec.pem", null), "junk-ec.pem: holds a malformed EC PRIVATE KEY");
    }

    @Test
    void encryptedKeyWithoutPasswordIsNamed() throws Exception {
        Path encrypted = dir.resolve("needs-password.pem");
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", ecKey(), "-out", encrypted, "-passout", "pass:" + PASSWORD);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(encrypted, null),
                encrypted + ": holds an encrypted private key (ENCRYPTED PRIVATE KEY) and no password was given");
        Path legacy = dir.resolve("legacy-needs-password.pem");
        openssl("ec", "-in", ecKey(), "-aes256", "-out", legacy, "-passout", "pass:" + PASSWORD);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(legacy, null),
                legacy + ": holds an encrypted private key (EC PRIVATE KEY) and no password was given");
    }

    @Test
    void wrongPasswordIsNamedWithoutRevealingAnyPassword() throws Exception {
        Path encrypted = dir.resolve("wrong-password.pem");
        openssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", ecKey(), "-out", encrypted, "-passout", "pass:" + PASSWORD);
        Path legacy = dir.resolve("legacy-wrong-password.pem");
        openssl("ec", "-in", ecKey(), "-aes256", "-out", legacy, "-passout", "pass:" + PASSWORD);
        for (int attempt = 0; attempt < 20; attempt++) {
            char[] wrong = ("Wrong-" + attempt).toCharArray();
            assertThatThrownBy(() -> PrivateKeyLoader.loadPrivateKey(encrypted, wrong))
                    .isExactlyInstanceOf(TLSConfigurationException.class)
                    .hasMessage(encrypted + ": cannot decrypt the ENCRYPTED PRIVATE KEY: wrong password or corrupted key")
                    .satisfies(e -> assertThat(stackText(e)).doesNotContain(PASSWORD).doesNotContain("Wrong-"));
            assertThatThrownBy(() -> PrivateKeyLoader.loadPrivateKey(legacy, wrong))
                    .isExactlyInstanceOf(TLSConfigurationException.class)
                    .hasMessage(legacy + ": cannot decrypt the EC PRIVATE KEY: wrong password or corrupted key")
                    .satisfies(e -> assertThat(stackText(e)).doesNotContain(PASSWORD).doesNotContain("Wrong-"));
        }
    }

    @Test
    void unsupportedKeyTypesAreNamed() throws Exception {
        Path x25519 = dir.resolve("x25519.pem");
        openssl("genpkey", "-algorithm", "x25519", "-out", x25519);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(x25519, null),
                x25519 + ": unsupported key type X25519 (a key agreement key, it cannot sign)");
        Path dsa = dir.resolve("dsa.pem");
        openssl("genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024", "-out", dir.resolve("dsa.param"));
        openssl("genpkey", "-paramfile", dir.resolve("dsa.param"), "-out", dsa);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(dsa, null), dsa + ": unsupported key type DSA");
        Path k256 = dir.resolve("secp256k1.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1", "-out", k256);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(k256, null), k256 + ": unsupported EC curve secp256k1");
        Path explicit = dir.resolve("explicit.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-param_enc", "explicit", "-out", explicit);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(explicit, null),
                explicit + ": unsupported EC key: explicit curve parameters");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(ascii("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n"),
                "id_ed25519", null), "id_ed25519: holds an OPENSSH PRIVATE KEY, expected a private key");
    }

    @Test
    void sec1KeyWithoutCurveIsNamed() throws Exception {
        String noCurve = write(KeyPairs.cached(KeyType.EC_P256, "leaf").getPrivate(), null);
        assertThat(noCurve).contains("EC PRIVATE KEY");
        assertError(() -> PrivateKeyLoader.loadPrivateKey(ascii(noCurve), "no-curve.pem", null),
                "no-curve.pem: unsupported EC key: it names no curve");
    }

    @Test
    void twoKeysAreRejected() {
        byte[] one = KeyPairs.cached(KeyType.EC_P256, "leaf").getPrivate().getEncoded();
        byte[] two = KeyPairs.cached(KeyType.ED25519, "leaf").getPrivate().getEncoded();
        String text = Pem.encode("PRIVATE KEY", one) + Pem.encode("PRIVATE KEY", two);
        assertError(() -> PrivateKeyLoader.loadPrivateKey(ascii(text), "two.pem", null),
                "two.pem: holds 2 private keys, expected exactly one");
    }

    private static void assertLoadsLikeOpenSsl(Path key, String password) throws Exception {
        Path publicPem = dir.resolve(key.getFileName() + ".pub");
        if (password == null) {
            openssl("pkey", "-in", key, "-pubout", "-out", publicPem);
        } else {
            openssl("pkey", "-in", key, "-passin", "pass:" + password, "-pubout", "-out", publicPem);
        }
        PrivateKey loaded = PrivateKeyLoader.loadPrivateKey(key, password == null ? null : password.toCharArray());
        assertJdkKey(loaded, PublicKeyLoader.loadPublicKey(publicPem));
    }

    private static void assertLoadsWithDerPublicKey(Path key, Path publicOut) throws Exception {
        openssl("pkey", "-in", key, "-pubout", "-outform", "DER", "-out", publicOut);
        assertJdkKey(PrivateKeyLoader.loadPrivateKey(key, null), PublicKeyLoader.loadPublicKey(publicOut));
    }

    private static void assertJdkKey(PrivateKey key, PublicKey publicKey) throws Exception {
        assertThat(key.getClass().getName()).doesNotContain("bouncycastle");
        assertThat(Signatures.signAndVerify(key, publicKey)).as("signature with " + key.getAlgorithm()).isTrue();
    }

    private static Path ecKey() {
        Path key = dir.resolve("ec-plain.pem");
        if (!Files.exists(key)) {
            openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
        }
        return key;
    }

    private static void openssl(Object... args) {
        OpenSsl.run(java.util.Arrays.stream(args).map(Object::toString).toArray(String[]::new)).assertSuccess();
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messageStart) {
        assertThatThrownBy(call).isExactlyInstanceOf(TLSConfigurationException.class).hasMessageStartingWith(messageStart);
    }

    private static String stackText(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    private static String write(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof org.bouncycastle.util.io.pem.PemObjectGenerator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(object);
            }
        }
        return text.toString();
    }

    private static String write(PrivateKey key, org.bouncycastle.openssl.PEMEncryptor encryptor) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key, encryptor);
        }
        return text.toString();
    }

    private static KeyPair bouncyCastleKeyPair(KeyType type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type.keyAlgorithm(), BC);
        switch (type) {
            case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
            case EC_P384 -> generator.initialize(new ECGenParameterSpec("secp384r1"));
            case EC_P521 -> generator.initialize(new ECGenParameterSpec("secp521r1"));
            default -> generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static byte[] pem(String label, byte[] der) {
        return ascii(Pem.encode(label, der));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
