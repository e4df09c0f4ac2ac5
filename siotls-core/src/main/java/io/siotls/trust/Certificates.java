package io.siotls.trust;

import java.security.cert.X509Certificate;

/** How messages name certificates. */
final class Certificates {

    private Certificates() {
    }

    /** {@code certificate 'CN=x,O=y'}. */
    static String describe(X509Certificate certificate) {
        return "certificate '" + certificate.getSubjectX500Principal().getName() + "'";
    }
}
