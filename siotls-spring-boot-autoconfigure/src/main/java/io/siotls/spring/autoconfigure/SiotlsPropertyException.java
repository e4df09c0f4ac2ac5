package io.siotls.spring.autoconfigure;

/**
 * A {@code siotls.*} property whose value cannot work: names the property, what is wrong with
 * it, and what to do about it.
 */
public class SiotlsPropertyException extends RuntimeException {

    private final String property;
    private final String problem;
    private final String action;

    public SiotlsPropertyException(String property, String problem, String action) {
        this(property, problem, action, null);
    }

    public SiotlsPropertyException(String property, String problem, String action, Throwable cause) {
        super(property + ": " + problem, cause);
        this.property = property;
        this.problem = problem;
        this.action = action;
    }

    /** The full name of the property at fault, e.g. {@code siotls.client.cipher-suites[1]}. */
    public String property() {
        return property;
    }

    /** What is wrong with its value. */
    public String problem() {
        return problem;
    }

    /** What the user should do about it. */
    public String action() {
        return action;
    }
}
