package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code bad_certificate} alert, RFC 8446 §6.2. */
public class BadCertificate extends TLSAlertException {

    public BadCertificate(String message) {
        this(message, false, null);
    }

    public BadCertificate(String message, Throwable cause) {
        this(message, false, cause);
    }

    public BadCertificate(String message, boolean remote, Throwable cause) {
        super(AlertDescription.BAD_CERTIFICATE, message, remote, cause);
    }
}
