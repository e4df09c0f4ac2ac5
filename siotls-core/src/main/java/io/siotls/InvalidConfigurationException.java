package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import java.util.Objects;

/**
 * A {@link TLSConfigurationException} raised by a {@link TLSConfiguration.Builder}, which knows
 * the side of the configuration at fault. (The side is not on {@code TLSConfigurationException}
 * itself: {@code io.siotls.alerts} does not depend on this package.)
 */
public final class InvalidConfigurationException extends TLSConfigurationException {

    private final Side side;

    InvalidConfigurationException(Side side, ConfigurationOption option, ConfigurationProblem problem, String message) {
        super(option, problem, message);
        this.side = Objects.requireNonNull(side, "side");
    }

    /** {@code failure}, met building a configuration of {@code side}: same option, problem, source and message. */
    InvalidConfigurationException(Side side, TLSConfigurationException failure) {
        super(failure.option(), failure.problem(), failure.source(), failure.getMessage(), failure);
        this.side = Objects.requireNonNull(side, "side");
    }

    /** The side of the configuration at fault. */
    public Side side() {
        return side;
    }
}
