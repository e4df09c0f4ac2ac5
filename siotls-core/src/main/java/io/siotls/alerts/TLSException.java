package io.siotls.alerts;

/** Base class of every error the engine raises. */
public class TLSException extends RuntimeException {

    public TLSException(String message) {
        super(message);
    }

    public TLSException(String message, Throwable cause) {
        super(message, cause);
    }
}
