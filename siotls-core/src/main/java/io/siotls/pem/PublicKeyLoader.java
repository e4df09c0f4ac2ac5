package io.siotls.pem;

import static io.siotls.alerts.ConfigurationProblem.AMBIGUOUS;
import static io.siotls.alerts.ConfigurationProblem.MALFORMED;
import static io.siotls.alerts.ConfigurationProblem.WRONG_KIND;

import io.siotls.alerts.ConfigurationOption;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Loads a public key, as raw public keys (RFC 7250) are configured: a PEM {@code PUBLIC KEY}
 * block (RFC 7468 §13) or a DER {@code SubjectPublicKeyInfo} (RFC 5280 §4.1.2.7).
 */
public final class PublicKeyLoader {

    private PublicKeyLoader() {
    }

    /**
     * The public key in {@code file}.
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the file and the problem, about
     *         {@link ConfigurationOption#PUBLIC_KEY}
     */
    public static PublicKey loadPublicKey(Path file) {
        return loadPublicKey(file, ConfigurationOption.PUBLIC_KEY);
    }

    /**
     * The public key in {@code file}, loaded for {@code option} (one of the
     * {@link ConfigurationOption#TRUSTED_PUBLIC_KEYS trusted public keys}, say).
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the file and the problem, about {@code option}
     */
    public static PublicKey loadPublicKey(Path file, ConfigurationOption option) {
        Source source = Source.of(file, option);
        return load(source.read(file), source);
    }

    /**
     * The public key in {@code content}; {@code sourceName} names it in error messages.
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the source and the problem, about
     *         {@link ConfigurationOption#PUBLIC_KEY}
     */
    public static PublicKey loadPublicKey(byte[] content, String sourceName) {
        return load(content, Source.of(sourceName, ConfigurationOption.PUBLIC_KEY));
    }

    private static PublicKey load(byte[] content, Source source) {
        List<PemBlock> blocks = PemContent.read(content, source);
        List<PemBlock> keys = blocks.stream().filter(block -> "PUBLIC KEY".equals(block.label())).toList();
        if (keys.isEmpty()) {
            throw source.error(WRONG_KIND, "holds " + PemContent.describe(blocks) + ", expected a PUBLIC KEY");
        }
        if (keys.size() > 1) {
            throw source.error(AMBIGUOUS, "holds " + keys.size() + " public keys, expected exactly one");
        }
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(keys.get(0).der());
        } catch (RuntimeException e) {
            throw source.error(MALFORMED, "holds a malformed PUBLIC KEY (SubjectPublicKeyInfo)", e);
        }
        return JcaKeys.publicKey(info, source);
    }
}
