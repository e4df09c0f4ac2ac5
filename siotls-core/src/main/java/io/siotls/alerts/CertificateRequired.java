package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code certificate_required} alert, RFC 8446 §6.2. */
public class CertificateRequired extends TLSAlertException {

    public CertificateRequired(String message) {
        this(message, false, null);
    }

    public CertificateRequired(String message, Throwable cause) {
        this(message, false, cause);
    }

    public CertificateRequired(String message, boolean remote, Throwable cause) {
        super(AlertDescription.CERTIFICATE_REQUIRED, message, remote, cause);
    }
}
