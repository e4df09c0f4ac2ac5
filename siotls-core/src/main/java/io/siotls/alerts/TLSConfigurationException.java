package io.siotls.alerts;

import java.util.Objects;

/**
 * A configuration that cannot work. The message, for people, names the option (and file, when
 * there is one) at fault and what is wrong with it; programs switch on {@link #option()},
 * {@link #problem()} and {@link #source()} instead, whatever the wording.
 */
public class TLSConfigurationException extends TLSException {

    private final ConfigurationOption option;
    private final ConfigurationProblem problem;
    private final String source;

    public TLSConfigurationException(ConfigurationOption option, ConfigurationProblem problem, String message) {
        this(option, problem, null, message, null);
    }

    public TLSConfigurationException(ConfigurationOption option, ConfigurationProblem problem, String message,
            Throwable cause) {
        this(option, problem, null, message, cause);
    }

    /**
     * A problem with the content of a file, a key store or in-memory content.
     *
     * @param source how the message names it: a path, a resource description
     */
    public TLSConfigurationException(ConfigurationOption option, ConfigurationProblem problem, String source,
            String message, Throwable cause) {
        super(message, cause);
        this.option = Objects.requireNonNull(option, "option");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.source = source;
    }

    /** The option at fault. */
    public ConfigurationOption option() {
        return option;
    }

    /** What is wrong with it. */
    public ConfigurationProblem problem() {
        return problem;
    }

    /** The file, key store or resource at fault, as the message names it; {@code null} when none is. */
    public String source() {
        return source;
    }
}
