package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code certificate_unknown} alert, RFC 8446 §6.2. */
public class CertificateUnknown extends TLSAlertException {

    public CertificateUnknown(String message) {
        this(message, false, null);
    }

    public CertificateUnknown(String message, Throwable cause) {
        this(message, false, cause);
    }

    public CertificateUnknown(String message, boolean remote, Throwable cause) {
        super(AlertDescription.CERTIFICATE_UNKNOWN, message, remote, cause);
    }
}
