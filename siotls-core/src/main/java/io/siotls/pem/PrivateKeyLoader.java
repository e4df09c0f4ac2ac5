package io.siotls.pem;

import static io.siotls.alerts.ConfigurationProblem.AMBIGUOUS;
import static io.siotls.alerts.ConfigurationProblem.WRONG_KIND;

import io.siotls.alerts.ConfigurationOption;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.Set;

/**
 * Loads a private key (RSA, RSASSA-PSS, EC P-256/P-384/P-521, Ed25519, Ed448) from a PEM or DER
 * file: PKCS#8 {@code PRIVATE KEY} and {@code ENCRYPTED PRIVATE KEY} (RFC 5958), PKCS#1
 * {@code RSA PRIVATE KEY} (RFC 8017), SEC1 {@code EC PRIVATE KEY} (RFC 5915), plain or with
 * OpenSSL's legacy PEM encryption. Other blocks in the file (certificates, EC parameters) are
 * ignored; exactly one private key must be present.
 */
public final class PrivateKeyLoader {

    private static final Set<String> PRIVATE_KEY_LABELS =
            Set.of("PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY");

    private PrivateKeyLoader() {
    }

    /**
     * The private key in {@code file}.
     *
     * @param password the password of an encrypted key, or null when the key is not encrypted
     * @throws io.siotls.alerts.TLSConfigurationException naming the file and the problem, about
     *         {@link ConfigurationOption#PRIVATE_KEY}
     */
    public static PrivateKey loadPrivateKey(Path file, char[] password) {
        Source source = Source.of(file, ConfigurationOption.PRIVATE_KEY);
        return load(source.read(file), password, source);
    }

    /**
     * The private key in {@code content}; {@code sourceName} names it in error messages.
     *
     * @param password the password of an encrypted key, or null when the key is not encrypted
     * @throws io.siotls.alerts.TLSConfigurationException naming the source and the problem, about
     *         {@link ConfigurationOption#PRIVATE_KEY}
     */
    public static PrivateKey loadPrivateKey(byte[] content, String sourceName, char[] password) {
        return load(content, password, Source.of(sourceName, ConfigurationOption.PRIVATE_KEY));
    }

    private static PrivateKey load(byte[] content, char[] password, Source source) {
        List<PemBlock> blocks = PemContent.read(content, source);
        List<PemBlock> keys = blocks.stream().filter(block -> PRIVATE_KEY_LABELS.contains(block.label())).toList();
        if (keys.isEmpty()) {
            throw source.error(WRONG_KIND, "holds " + PemContent.describe(blocks) + ", expected a private key "
                    + "(PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
        }
        if (keys.size() > 1) {
            throw source.error(AMBIGUOUS, "holds " + keys.size() + " private keys, expected exactly one");
        }
        PemBlock key = keys.get(0);
        return JcaKeys.privateKey(KeyDecryption.privateKeyInfo(key, password, source), source);
    }
}
