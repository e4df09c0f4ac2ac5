package io.siotls.pem;

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
     * @throws io.siotls.alerts.TLSConfigurationException naming the file and the problem
     */
    public static PublicKey loadPublicKey(Path file) {
        return load(Sources.read(file), Sources.name(file));
    }

    /**
     * The public key in {@code content}; {@code sourceName} names it in error messages.
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the source and the problem
     */
    public static PublicKey loadPublicKey(byte[] content, String sourceName) {
        return load(content, Sources.name(sourceName));
    }

    private static PublicKey load(byte[] content, String source) {
        List<PemBlock> blocks = PemContent.read(content, source);
        List<PemBlock> keys = blocks.stream().filter(block -> "PUBLIC KEY".equals(block.label())).toList();
        if (keys.isEmpty()) {
            throw Sources.error(source, "holds " + PemContent.describe(blocks) + ", expected a PUBLIC KEY");
        }
        if (keys.size() > 1) {
            throw Sources.error(source, "holds " + keys.size() + " public keys, expected exactly one");
        }
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(keys.get(0).der());
        } catch (RuntimeException e) {
            throw Sources.error(source, "holds a malformed PUBLIC KEY (SubjectPublicKeyInfo)", e);
        }
        return JcaKeys.publicKey(info, source);
    }
}
