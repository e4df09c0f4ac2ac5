package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code unknown_ca} alert, RFC 8446 §6.2. */
public class UnknownCA extends TLSAlertException {

    public UnknownCA(String message) {
        this(message, false, null);
    }

    public UnknownCA(String message, Throwable cause) {
        this(message, false, cause);
    }

    public UnknownCA(String message, boolean remote, Throwable cause) {
        super(AlertDescription.UNKNOWN_CA, message, remote, cause);
    }
}
