package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code missing_extension} alert, RFC 8446 §6.2. */
public class MissingExtension extends TLSAlertException {

    public MissingExtension(String message) {
        this(message, false, null);
    }

    public MissingExtension(String message, Throwable cause) {
        this(message, false, cause);
    }

    public MissingExtension(String message, boolean remote, Throwable cause) {
        super(AlertDescription.MISSING_EXTENSION, message, remote, cause);
    }
}
