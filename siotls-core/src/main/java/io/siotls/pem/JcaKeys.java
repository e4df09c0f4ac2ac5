package io.siotls.pem;

import static io.siotls.alerts.ConfigurationProblem.MALFORMED;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Turns parsed key structures into the JDK's own key objects through the default JCA {@code KeyFactory}. */
final class JcaKeys {

    private JcaKeys() {
    }

    /** The JDK private key for a PKCS#8 {@code PrivateKeyInfo} (RFC 5208, RFC 5958). */
    static PrivateKey privateKey(PrivateKeyInfo info, Source source) {
        String algorithm = KeyAlgorithms.keyFactoryAlgorithm(info.getPrivateKeyAlgorithm(), source);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw source.error(MALFORMED, "holds a malformed " + algorithm + " private key", e);
        }
    }

    /** The JDK public key for a {@code SubjectPublicKeyInfo} (RFC 5280 §4.1.2.7). */
    static PublicKey publicKey(SubjectPublicKeyInfo info, Source source) {
        String algorithm = KeyAlgorithms.keyFactoryAlgorithm(info.getAlgorithm(), source);
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw source.error(MALFORMED, "holds a malformed " + algorithm + " public key", e);
        }
    }
}
