package io.siotls.spring.autoconfigure;

import io.siotls.alerts.TLSConfigurationException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns a {@link SiotlsPropertyException} or a core {@link TLSConfigurationException} into a
 * description naming the {@code siotls.*} property at fault and an action.
 */
public class SiotlsFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SiotlsPropertyException propertyFailure = find(failure, SiotlsPropertyException.class);
        if (propertyFailure == null) {
            TLSConfigurationException coreFailure = find(failure, TLSConfigurationException.class);
            if (coreFailure == null) {
                return null;
            }
            propertyFailure = CoreFailures.translate(coreFailure, sidePrefix(failure));
        }
        return new FailureAnalysis("The siotls TLS configuration is invalid.\n\n    Property: " + propertyFailure.property()
                + "\n    Problem: " + propertyFailure.problem() + "\n", propertyFailure.action(), failure);
    }

    /** The property prefix of the side whose bean failed, told by the bean's name. */
    private static String sidePrefix(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BeanCreationException creation && creation.getBeanName() != null) {
                String name = creation.getBeanName();
                if (name.startsWith("siotlsServer")) {
                    return TLSConfigurationFactory.SERVER;
                }
                if (name.startsWith("siotlsClient")) {
                    return TLSConfigurationFactory.CLIENT;
                }
            }
        }
        return "siotls";
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
