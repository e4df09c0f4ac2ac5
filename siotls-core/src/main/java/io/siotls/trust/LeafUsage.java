package io.siotls.trust;

import io.siotls.alerts.BadCertificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Checks that an end-entity certificate may authenticate a TLS peer: its extended key usage, when
 * present, holds the purpose or anyExtendedKeyUsage (RFC 5280 §4.2.1.12); its key usage, when
 * present, has digitalSignature (RFC 5280 §4.2.1.3), which every TLS 1.3 signature needs.
 */
final class LeafUsage {

    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int DIGITAL_SIGNATURE = 0;

    private LeafUsage() {
    }

    static void check(X509Certificate leaf, Purpose purpose) {
        List<String> extendedKeyUsage;
        try {
            extendedKeyUsage = leaf.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new BadCertificate(Certificates.describe(leaf) + " has a malformed extended key usage", e);
        }
        if (extendedKeyUsage != null && !extendedKeyUsage.contains(purpose.keyPurposeOid())
                && !extendedKeyUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
            throw new BadCertificate(Certificates.describe(leaf) + " may not be used for " + purpose.description()
                    + ": its extended key usage " + extendedKeyUsage + " lacks " + purpose.keyPurposeName()
                    + " (" + purpose.keyPurposeOid() + ")");
        }
        boolean[] keyUsage = leaf.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= DIGITAL_SIGNATURE || !keyUsage[DIGITAL_SIGNATURE])) {
            throw new BadCertificate(Certificates.describe(leaf) + " may not be used for " + purpose.description()
                    + ": its key usage lacks digitalSignature");
        }
    }
}
