package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code unknown_psk_identity} alert, RFC 8446 §6.2. */
public class UnknownPskIdentity extends TLSAlertException {

    public UnknownPskIdentity(String message) {
        this(message, false, null);
    }

    public UnknownPskIdentity(String message, Throwable cause) {
        this(message, false, cause);
    }

    public UnknownPskIdentity(String message, boolean remote, Throwable cause) {
        super(AlertDescription.UNKNOWN_PSK_IDENTITY, message, remote, cause);
    }
}
