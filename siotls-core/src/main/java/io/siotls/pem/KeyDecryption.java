package io.siotls.pem;

import static io.siotls.alerts.ConfigurationProblem.MALFORMED;
import static io.siotls.alerts.ConfigurationProblem.PASSWORD_REQUIRED;
import static io.siotls.alerts.ConfigurationProblem.WRONG_PASSWORD;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads the private key structures: PKCS#8 plain and encrypted (RFC 5208, RFC 5958, PBES2 of
 * RFC 8018), PKCS#1 {@code RSA PRIVATE KEY} (RFC 8017 §A.1.2), SEC1 {@code EC PRIVATE KEY}
 * (RFC 5915), and OpenSSL's legacy encrypted PEM ({@code Proc-Type: 4,ENCRYPTED}, RFC 1421 §4.6).
 * Decryption uses a private BouncyCastle provider instance, never registered with the JCA.
 */
final class KeyDecryption {

    private KeyDecryption() {
    }

    /** A BouncyCastle provider used only for decryption; created on first use. */
    private static final class DecryptionProvider {
        static final Provider INSTANCE = new BouncyCastleProvider();
    }

    /** The {@code PrivateKeyInfo} in {@code block}, decrypted with {@code password} when the block is encrypted. */
    static PrivateKeyInfo privateKeyInfo(PemBlock block, char[] password, Source source) {
        return switch (block.label()) {
            case "PRIVATE KEY" -> plainPkcs8(block, source);
            case "ENCRYPTED PRIVATE KEY" -> encryptedPkcs8(block, password, source);
            default -> isLegacyEncrypted(block) ? legacyEncrypted(block, password, source) : traditional(block, source);
        };
    }

    private static PrivateKeyInfo plainPkcs8(PemBlock block, Source source) {
        try {
            return PrivateKeyInfo.getInstance(block.der());
        } catch (RuntimeException e) {
            throw source.error(MALFORMED, "holds a malformed PRIVATE KEY (PKCS#8)", e);
        }
    }

    private static PrivateKeyInfo encryptedPkcs8(PemBlock block, char[] password, Source source) {
        PKCS8EncryptedPrivateKeyInfo encrypted;
        try {
            encrypted = new PKCS8EncryptedPrivateKeyInfo(block.der());
        } catch (IOException | RuntimeException e) {
            throw source.error(MALFORMED, "holds a malformed ENCRYPTED PRIVATE KEY (PKCS#8)", e);
        }
        requirePassword(block, password, source);
        try {
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(DecryptionProvider.INSTANCE)
                    .build(password));
        } catch (Exception e) {
            throw wrongPassword(block, source, e);
        }
    }

    private static boolean isLegacyEncrypted(PemBlock block) {
        String procType = block.headers().get("Proc-Type");
        return procType != null && procType.contains("ENCRYPTED");
    }

    private static PrivateKeyInfo legacyEncrypted(PemBlock block, char[] password, Source source) {
        if (!block.headers().containsKey("DEK-Info")) {
            throw source.error(MALFORMED, "holds an encrypted " + block.label() + " without the DEK-Info header");
        }
        PEMEncryptedKeyPair encrypted = (PEMEncryptedKeyPair) parseTraditional(block, source);
        requirePassword(block, password, source);
        try {
            PEMKeyPair decrypted = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                    .setProvider(DecryptionProvider.INSTANCE)
                    .build(password));
            return decrypted.getPrivateKeyInfo();
        } catch (Exception e) {
            throw wrongPassword(block, source, e);
        }
    }

    private static PrivateKeyInfo traditional(PemBlock block, Source source) {
        Object parsed = parseTraditional(block, source);
        if (!(parsed instanceof PEMKeyPair keyPair) || keyPair.getPrivateKeyInfo() == null) {
            throw source.error(MALFORMED, "holds a malformed " + block.label());
        }
        return keyPair.getPrivateKeyInfo();
    }

    /** Parses a PKCS#1 or SEC1 block with BouncyCastle's {@link PEMParser}, which knows the legacy encryption. */
    private static Object parseTraditional(PemBlock block, Source source) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject(block.label(), headers(block.headers()), block.der()));
        } catch (IOException e) {
            throw source.error(MALFORMED, "holds a malformed " + block.label(), e);
        }
        try (PEMParser parser = new PEMParser(new StringReader(text.toString()))) {
            Object parsed = parser.readObject();
            if (parsed == null) {
                throw source.error(MALFORMED, "holds a malformed " + block.label());
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            throw source.error(MALFORMED, "holds a malformed " + block.label(), e);
        }
    }

    private static List<PemHeader> headers(Map<String, String> headers) {
        List<PemHeader> list = new ArrayList<>();
        headers.forEach((name, value) -> list.add(new PemHeader(name, value)));
        return list;
    }

    private static void requirePassword(PemBlock block, char[] password, Source source) {
        if (password == null) {
            throw source.error(PASSWORD_REQUIRED,
                    "holds an encrypted private key (" + block.label() + ") and no password was given");
        }
    }

    private static RuntimeException wrongPassword(PemBlock block, Source source, Exception cause) {
        return source.error(WRONG_PASSWORD,
                "cannot decrypt the " + block.label() + ": wrong password or corrupted key", cause);
    }
}
