package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code unexpected_message} alert, RFC 8446 §6.2. */
public class UnexpectedMessage extends TLSAlertException {

    public UnexpectedMessage(String message) {
        this(message, false, null);
    }

    public UnexpectedMessage(String message, Throwable cause) {
        this(message, false, cause);
    }

    public UnexpectedMessage(String message, boolean remote, Throwable cause) {
        super(AlertDescription.UNEXPECTED_MESSAGE, message, remote, cause);
    }
}
