package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code internal_error} alert, RFC 8446 §6.2. */
public class InternalErrorAlert extends TLSAlertException {

    public InternalErrorAlert(String message) {
        this(message, false, null);
    }

    public InternalErrorAlert(String message, Throwable cause) {
        this(message, false, cause);
    }

    public InternalErrorAlert(String message, boolean remote, Throwable cause) {
        super(AlertDescription.INTERNAL_ERROR, message, remote, cause);
    }
}
