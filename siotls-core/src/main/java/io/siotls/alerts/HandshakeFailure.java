package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code handshake_failure} alert, RFC 8446 §6.2. */
public class HandshakeFailure extends TLSAlertException {

    public HandshakeFailure(String message) {
        this(message, false, null);
    }

    public HandshakeFailure(String message, Throwable cause) {
        this(message, false, cause);
    }

    public HandshakeFailure(String message, boolean remote, Throwable cause) {
        super(AlertDescription.HANDSHAKE_FAILURE, message, remote, cause);
    }
}
