package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code inappropriate_fallback} alert, RFC 8446 §6.2. */
public class InappropriateFallback extends TLSAlertException {

    public InappropriateFallback(String message) {
        this(message, false, null);
    }

    public InappropriateFallback(String message, Throwable cause) {
        this(message, false, cause);
    }

    public InappropriateFallback(String message, boolean remote, Throwable cause) {
        super(AlertDescription.INAPPROPRIATE_FALLBACK, message, remote, cause);
    }
}
