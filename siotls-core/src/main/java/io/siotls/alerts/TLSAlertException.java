package io.siotls.alerts;

import io.siotls.iana.AlertDescription;

/**
 * A fatal alert (RFC 8446 §6.2): either detected locally, in which case the connection sent it to
 * the peer, or received from the peer ({@link #isRemote()}). Each alert description has its own
 * subclass, see {@link #of}.
 */
public abstract class TLSAlertException extends TLSException {

    private final AlertDescription description;
    private final boolean remote;

    protected TLSAlertException(AlertDescription description, String message, boolean remote, Throwable cause) {
        super(describe(description, message, remote), cause);
        this.description = description;
        this.remote = remote;
    }

    private static String describe(AlertDescription description, String message, boolean remote) {
        String prefix = remote ? "received fatal alert " : "";
        return prefix + description.ianaName() + (message == null || message.isEmpty() ? "" : ": " + message);
    }

    /** The alert description sent or received. */
    public AlertDescription description() {
        return description;
    }

    /** True when the peer sent the alert, false when this side detected the error and sent it. */
    public boolean isRemote() {
        return remote;
    }

    /** The exception class matching {@code description}, raised locally. */
    public static TLSAlertException of(AlertDescription description, String message) {
        return of(description, message, false, null);
    }

    /** The exception class matching {@code description}. */
    public static TLSAlertException of(AlertDescription description, String message, boolean remote, Throwable cause) {
        return AlertExceptions.create(description, message, remote, cause);
    }
}
