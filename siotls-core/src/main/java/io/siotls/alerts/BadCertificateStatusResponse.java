package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code bad_certificate_status_response} alert, RFC 8446 §6.2. */
public class BadCertificateStatusResponse extends TLSAlertException {

    public BadCertificateStatusResponse(String message) {
        this(message, false, null);
    }

    public BadCertificateStatusResponse(String message, Throwable cause) {
        this(message, false, cause);
    }

    public BadCertificateStatusResponse(String message, boolean remote, Throwable cause) {
        super(AlertDescription.BAD_CERTIFICATE_STATUS_RESPONSE, message, remote, cause);
    }
}
