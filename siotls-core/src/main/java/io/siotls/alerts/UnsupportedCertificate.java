package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code unsupported_certificate} alert, RFC 8446 §6.2. */
public class UnsupportedCertificate extends TLSAlertException {

    public UnsupportedCertificate(String message) {
        this(message, false, null);
    }

    public UnsupportedCertificate(String message, Throwable cause) {
        this(message, false, cause);
    }

    public UnsupportedCertificate(String message, boolean remote, Throwable cause) {
        super(AlertDescription.UNSUPPORTED_CERTIFICATE, message, remote, cause);
    }
}
