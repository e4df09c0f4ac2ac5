package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code unsupported_extension} alert, RFC 8446 §6.2. */
public class UnsupportedExtension extends TLSAlertException {

    public UnsupportedExtension(String message) {
        this(message, false, null);
    }

    public UnsupportedExtension(String message, Throwable cause) {
        this(message, false, cause);
    }

    public UnsupportedExtension(String message, boolean remote, Throwable cause) {
        super(AlertDescription.UNSUPPORTED_EXTENSION, message, remote, cause);
    }
}
