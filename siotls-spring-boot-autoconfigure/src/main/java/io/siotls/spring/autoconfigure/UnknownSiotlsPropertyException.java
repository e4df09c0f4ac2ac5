package io.siotls.spring.autoconfigure;

import java.util.Optional;

/**
 * A {@code siotls.*} property that no siotls option has: most likely a misspelt name, which
 * must not leave an option (or TLS as a whole) silently unset. Names the nearest valid property
 * when one is close.
 */
public class UnknownSiotlsPropertyException extends SiotlsPropertyException {

    private final String suggestion;

    public UnknownSiotlsPropertyException(String property, String problem, String action, String suggestion,
            Throwable cause) {
        super(property, problem, action, cause);
        this.suggestion = suggestion;
    }

    /** The valid property nearest to the unknown one, e.g. {@code siotls.server.certificate-chain}. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
