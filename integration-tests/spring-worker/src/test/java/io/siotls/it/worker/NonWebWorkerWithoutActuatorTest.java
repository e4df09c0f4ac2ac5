package io.siotls.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.it.support.HandshakeRecorder;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The worker with Actuator, the health module and Micrometer truly absent from its class path
 * (the surefire execution {@code without-actuator} removes them): it starts all the same, and
 * the siotls Actuator beans back off.
 * Runs in the surefire execution {@code without-actuator} only (system property {@code siotls.it.classpath}).
 */
@EnabledIfSystemProperty(named = "siotls.it.classpath", matches = "without-actuator")
class NonWebWorkerWithoutActuatorTest extends NonWebWorkerContract {

    private static final List<String> ACTUATOR_CLASSES = List.of("org.springframework.boot.actuate.info.InfoContributor",
            "org.springframework.boot.health.contributor.HealthIndicator", "io.micrometer.core.instrument.MeterRegistry");

    @Override
    void assertClassPathSpecifics(ConfigurableApplicationContext worker, HandshakeRecorder handshakes) {
        assertThat(ACTUATOR_CLASSES).noneMatch(name -> ClassUtils.isPresent(name, null));
        assertThat(worker.containsBean("siotlsHealthIndicator")).isFalse();
        assertThat(worker.containsBean("siotlsInfoContributor")).isFalse();
        assertThat(worker.containsBean("siotlsHandshakeMetrics")).isFalse();
    }
}
