package io.siotls.it.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationContext;

/**
 * What Actuator shows of siotls in an application. A class of its own, loaded only where Actuator
 * is on the class path, so that the test classes load on either class path.
 */
final class ActuatorView {

    private ActuatorView() {
    }

    /** The count of the {@code siotls.handshakes} counters of {@code side} and {@code outcome}. */
    static double handshakes(ApplicationContext application, String side, String outcome) {
        return application.getBean(MeterRegistry.class).find("siotls.handshakes").tags("side", side, "outcome", outcome)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Whether the siotls health indicator reports UP. */
    static boolean healthUp(ApplicationContext application) {
        return Status.UP.equals(application.getBean("siotlsHealthIndicator", HealthIndicator.class).health().getStatus());
    }
}
