package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code decrypt_error} alert, RFC 8446 §6.2. */
public class DecryptError extends TLSAlertException {

    public DecryptError(String message) {
        this(message, false, null);
    }

    public DecryptError(String message, Throwable cause) {
        this(message, false, cause);
    }

    public DecryptError(String message, boolean remote, Throwable cause) {
        super(AlertDescription.DECRYPT_ERROR, message, remote, cause);
    }
}
