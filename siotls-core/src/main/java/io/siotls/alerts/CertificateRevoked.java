package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code certificate_revoked} alert, RFC 8446 §6.2. */
public class CertificateRevoked extends TLSAlertException {

    public CertificateRevoked(String message) {
        this(message, false, null);
    }

    public CertificateRevoked(String message, Throwable cause) {
        this(message, false, cause);
    }

    public CertificateRevoked(String message, boolean remote, Throwable cause) {
        super(AlertDescription.CERTIFICATE_REVOKED, message, remote, cause);
    }
}
