package io.siotls.spring.autoconfigure.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsSides;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The siotls health indicator at instants around its certificates' validity. */
class SiotlsHealthIndicatorTest {

    @TempDir
    Path directory;

    private TestPki.Leaf server;
    private DefaultListableBeanFactory beans;

    @BeforeEach
    void makeServer() {
        TestPki pki = new TestPki(directory);
        server = pki.leaf("server", "localhost");
        TLSConfiguration configuration = TLSConfiguration.server()
                .signingChain(SigningChain.fromFiles(server.chainFile(), server.keyFile(), null)).build();
        beans = new DefaultListableBeanFactory();
        beans.registerSingleton(SiotlsAutoConfiguration.SERVER_CONFIGURATION, configuration);
        beans.registerSingleton(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SiotlsSSLContext.of(configuration));
    }

    private Health healthAt(Instant instant, Duration warning) {
        return new SiotlsHealthIndicator(new SiotlsSides(beans), warning, Clock.fixed(instant, ZoneOffset.UTC)).health();
    }

    @SuppressWarnings("unchecked")
    private static String leafStatus(Health health) {
        Map<String, Object> side = (Map<String, Object>) health.getDetails().get("server");
        List<List<Map<String, Object>>> chains = (List<List<Map<String, Object>>>) side.get("chains");
        return chains.get(0).get(0).get("status").toString();
    }

    @Test
    void upWhileValidBeyondTheWarning() {
        Health health = healthAt(Instant.now(), Duration.ofMinutes(1));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(leafStatus(health)).isEqualTo("VALID");
        assertThat(health.getDetails()).doesNotContainKey("expiringSoon");
    }

    @Test
    void upButWarnedWithinTheWarning() {
        Health health = healthAt(Instant.now(), Duration.ofDays(14));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(leafStatus(health)).isEqualTo("WILL_EXPIRE_SOON");
        assertThat(health.getDetails().get("expiringSoon")).isEqualTo(List.of("CN=localhost", "CN=siotls test CA"));
    }

    @Test
    void downOnceExpired() {
        Health health = healthAt(server.certificate().getNotAfter().toInstant().plusSeconds(1), Duration.ofDays(14));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(leafStatus(health)).isEqualTo("EXPIRED");
    }

    @Test
    void downBeforeValid() {
        Health health = healthAt(server.certificate().getNotBefore().toInstant().minusSeconds(1), Duration.ofDays(14));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(leafStatus(health)).isEqualTo("NOT_YET_VALID");
    }
}
