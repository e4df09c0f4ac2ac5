package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code record_overflow} alert, RFC 8446 §6.2. */
public class RecordOverflow extends TLSAlertException {

    public RecordOverflow(String message) {
        this(message, false, null);
    }

    public RecordOverflow(String message, Throwable cause) {
        this(message, false, cause);
    }

    public RecordOverflow(String message, boolean remote, Throwable cause) {
        super(AlertDescription.RECORD_OVERFLOW, message, remote, cause);
    }
}
