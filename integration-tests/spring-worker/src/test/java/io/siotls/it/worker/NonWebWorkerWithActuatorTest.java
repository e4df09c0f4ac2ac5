package io.siotls.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.it.support.HandshakeRecorder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker with Actuator on its class path: the handshake shows in the {@code siotls.handshakes}
 * metric, and the siotls health indicator and info contributor are there without a web server.
 * Runs in the surefire execution {@code default-test} only (system property {@code siotls.it.classpath}).
 */
@EnabledIfSystemProperty(named = "siotls.it.classpath", matches = "full")
class NonWebWorkerWithActuatorTest extends NonWebWorkerContract {

    @Override
    void assertClassPathSpecifics(ConfigurableApplicationContext worker, HandshakeRecorder handshakes) {
        assertThat(ActuatorView.handshakes(worker, "client", "success")).isEqualTo(handshakes.completed().size());
        assertThat(ActuatorView.healthUp(worker)).isTrue();
        assertThat(worker.containsBean("siotlsInfoContributor")).isTrue();
    }
}
