package io.siotls.spring.autoconfigure;

import io.siotls.InvalidConfigurationException;
import io.siotls.Side;
import io.siotls.alerts.TLSConfigurationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a {@link SiotlsPropertyException} or a core {@link TLSConfigurationException} into a
 * description naming the {@code siotls.*} property at fault and an action. Configurations built
 * from properties fail with the former, which names the property of its side; a core failure
 * from a user's own {@code TLSConfiguration} bean is named after the side its
 * {@link InvalidConfigurationException} tells.
 */
public class SiotlsFailureAnalyzer implements FailureAnalyzer {

    /** The prefix of a property of no particular side. */
    private static final String ANY_SIDE = "siotls";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SiotlsPropertyException propertyFailure = find(failure, SiotlsPropertyException.class);
        if (propertyFailure == null) {
            TLSConfigurationException coreFailure = find(failure, TLSConfigurationException.class);
            if (coreFailure == null) {
                return null;
            }
            propertyFailure = CoreFailures.translate(coreFailure, prefix(coreFailure));
        }
        return new FailureAnalysis("The siotls TLS configuration is invalid.\n\n    Property: " + propertyFailure.property()
                + "\n    Problem: " + propertyFailure.problem() + "\n", propertyFailure.action(), failure);
    }

    /** The property prefix of the side of the configuration that failed, when the failure tells it. */
    private static String prefix(TLSConfigurationException failure) {
        if (failure instanceof InvalidConfigurationException invalid) {
            return invalid.side() == Side.SERVER ? TLSConfigurationFactory.SERVER : TLSConfigurationFactory.CLIENT;
        }
        return ANY_SIDE;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
