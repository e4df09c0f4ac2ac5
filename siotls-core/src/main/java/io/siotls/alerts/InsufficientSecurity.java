package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code insufficient_security} alert, RFC 8446 §6.2. */
public class InsufficientSecurity extends TLSAlertException {

    public InsufficientSecurity(String message) {
        this(message, false, null);
    }

    public InsufficientSecurity(String message, Throwable cause) {
        this(message, false, cause);
    }

    public InsufficientSecurity(String message, boolean remote, Throwable cause) {
        super(AlertDescription.INSUFFICIENT_SECURITY, message, remote, cause);
    }
}
