package io.siotls.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.testing.PeerCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The WebFlux sample with Actuator, the health module and Micrometer truly absent from its class
 * path (the surefire execution {@code without-actuator} removes them): it starts, serves curl with
 * mutual TLS, the siotls engine running the handshake (a listener on the server context), and
 * the siotls Actuator beans back off.
 */
@EnabledIfSystemProperty(named = "siotls.sample.classpath", matches = "without-actuator")
class WebFluxSampleWithoutActuatorTest {

    @TempDir
    Path certificates;

    @Test
    void servesMutualTlsOnSiotlsWithoutActuator() throws Exception {
        assertThat(List.of("org.springframework.boot.actuate.info.InfoContributor",
                "org.springframework.boot.health.contributor.HealthIndicator", "io.micrometer.core.instrument.MeterRegistry",
                "org.apache.catalina.startup.Tomcat")).noneMatch(name -> ClassUtils.isPresent(name, null));
        PeerCommand.require("curl");
        try (ConfigurableApplicationContext app = SpringApplication.run(WebFluxSampleApplication.class,
                "--server.port=0", "--siotls.dev-certificates.directory=" + certificates)) {
            List<HandshakeEvent> completed = new CopyOnWriteArrayList<>();
            ((SiotlsSSLContext) app.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class))
                    .addHandshakeListener(new HandshakeListener() {
                        @Override
                        public void handshakeCompleted(HandshakeEvent event) {
                            completed.add(event);
                        }
                    });
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Process curl = new ProcessBuilder("curl", "-sS", "--cacert", certificates.resolve("ca.pem").toString(),
                    "--cert", certificates.resolve("client.pem").toString(), "--key",
                    certificates.resolve("client-key.pem").toString(), "https://localhost:" + port + "/").start();
            curl.getOutputStream().close();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).as(err).isZero();
            assertThat(out).isEqualTo("Hello CN=siotls development client from WebFlux over TLS 1.3 on siotls\n");
            assertThat(completed).singleElement().satisfies(event -> assertThat(
                    event.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=siotls development client"));
            assertThat(app.containsBean("siotlsHealthIndicator")).isFalse();
            assertThat(app.containsBean("siotlsHandshakeMetrics")).isFalse();
        }
    }
}
