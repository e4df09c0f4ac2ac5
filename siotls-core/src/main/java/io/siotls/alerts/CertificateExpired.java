package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code certificate_expired} alert, RFC 8446 §6.2. */
public class CertificateExpired extends TLSAlertException {

    public CertificateExpired(String message) {
        this(message, false, null);
    }

    public CertificateExpired(String message, Throwable cause) {
        this(message, false, cause);
    }

    public CertificateExpired(String message, boolean remote, Throwable cause) {
        super(AlertDescription.CERTIFICATE_EXPIRED, message, remote, cause);
    }
}
