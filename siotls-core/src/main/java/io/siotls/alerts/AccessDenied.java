package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code access_denied} alert, RFC 8446 §6.2. */
public class AccessDenied extends TLSAlertException {

    public AccessDenied(String message) {
        this(message, false, null);
    }

    public AccessDenied(String message, Throwable cause) {
        this(message, false, cause);
    }

    public AccessDenied(String message, boolean remote, Throwable cause) {
        super(AlertDescription.ACCESS_DENIED, message, remote, cause);
    }
}
