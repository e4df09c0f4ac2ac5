package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code illegal_parameter} alert, RFC 8446 §6.2. */
public class IllegalParameter extends TLSAlertException {

    public IllegalParameter(String message) {
        this(message, false, null);
    }

    public IllegalParameter(String message, Throwable cause) {
        this(message, false, cause);
    }

    public IllegalParameter(String message, boolean remote, Throwable cause) {
        super(AlertDescription.ILLEGAL_PARAMETER, message, remote, cause);
    }
}
