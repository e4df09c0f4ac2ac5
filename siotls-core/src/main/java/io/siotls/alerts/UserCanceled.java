package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code user_canceled} alert, RFC 8446 §6.2. */
public class UserCanceled extends TLSAlertException {

    public UserCanceled(String message) {
        this(message, false, null);
    }

    public UserCanceled(String message, Throwable cause) {
        this(message, false, cause);
    }

    public UserCanceled(String message, boolean remote, Throwable cause) {
        super(AlertDescription.USER_CANCELED, message, remote, cause);
    }
}
