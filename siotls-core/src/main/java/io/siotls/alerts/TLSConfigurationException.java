package io.siotls.alerts;

/**
 * A configuration that cannot work: the message names the option (and file, when there is one)
 * at fault and what is wrong with it.
 */
public class TLSConfigurationException extends TLSException {

    public TLSConfigurationException(String message) {
        super(message);
    }

    public TLSConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
