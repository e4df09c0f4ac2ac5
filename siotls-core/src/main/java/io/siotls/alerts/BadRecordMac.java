package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code bad_record_mac} alert, RFC 8446 §6.2. */
public class BadRecordMac extends TLSAlertException {

    public BadRecordMac(String message) {
        this(message, false, null);
    }

    public BadRecordMac(String message, Throwable cause) {
        this(message, false, cause);
    }

    public BadRecordMac(String message, boolean remote, Throwable cause) {
        super(AlertDescription.BAD_RECORD_MAC, message, remote, cause);
    }
}
