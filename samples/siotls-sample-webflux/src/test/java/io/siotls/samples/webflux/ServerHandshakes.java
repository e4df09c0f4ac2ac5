package io.siotls.samples.webflux;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationContext;

/**
 * The server handshakes the {@code siotls.handshakes} metric counts. A class of its own, loaded
 * only where Actuator and Micrometer are on the class path.
 */
final class ServerHandshakes {

    private ServerHandshakes() {
    }

    static double counted(ApplicationContext application) {
        return application.getBean(MeterRegistry.class).find("siotls.handshakes")
                .tags("side", "server", "outcome", "success").counters().stream().mapToDouble(Counter::count).sum();
    }
}
