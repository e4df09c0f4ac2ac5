package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code no_application_protocol} alert, RFC 8446 §6.2. */
public class NoApplicationProtocol extends TLSAlertException {

    public NoApplicationProtocol(String message) {
        this(message, false, null);
    }

    public NoApplicationProtocol(String message, Throwable cause) {
        this(message, false, cause);
    }

    public NoApplicationProtocol(String message, boolean remote, Throwable cause) {
        super(AlertDescription.NO_APPLICATION_PROTOCOL, message, remote, cause);
    }
}
