package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code unrecognized_name} alert, RFC 8446 §6.2. */
public class UnrecognizedName extends TLSAlertException {

    public UnrecognizedName(String message) {
        this(message, false, null);
    }

    public UnrecognizedName(String message, Throwable cause) {
        this(message, false, cause);
    }

    public UnrecognizedName(String message, boolean remote, Throwable cause) {
        super(AlertDescription.UNRECOGNIZED_NAME, message, remote, cause);
    }
}
