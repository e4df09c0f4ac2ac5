package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/** The {@code protocol_version} alert, RFC 8446 §6.2. */
public class ProtocolVersion extends TLSAlertException {

    public ProtocolVersion(String message) {
        this(message, false, null);
    }

    public ProtocolVersion(String message, Throwable cause) {
        this(message, false, cause);
    }

    public ProtocolVersion(String message, boolean remote, Throwable cause) {
        super(AlertDescription.PROTOCOL_VERSION, message, remote, cause);
    }
}
