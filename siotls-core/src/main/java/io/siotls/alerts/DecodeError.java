package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code decode_error} alert, RFC 8446 §6.2. */
public class DecodeError extends TLSAlertException {

    public DecodeError(String message) {
        this(message, false, null);
    }

    public DecodeError(String message, Throwable cause) {
        this(message, false, cause);
    }

    public DecodeError(String message, boolean remote, Throwable cause) {
        super(AlertDescription.DECODE_ERROR, message, remote, cause);
    }
}
