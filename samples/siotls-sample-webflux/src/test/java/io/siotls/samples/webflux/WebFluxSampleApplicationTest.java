package io.siotls.samples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.PeerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The WebFlux sample, the reactive stack alone (Reactor Netty, no Tomcat, no servlet API) with
 * Actuator, boots on a random port and answers curl with the development client certificate
 * over HTTP/2, the siotls engine running the handshake (its {@code siotls.handshakes} metric).
 * Without Actuator: {@link WebFluxSampleWithoutActuatorTest}.
 */
@EnabledIfSystemProperty(named = "siotls.sample.classpath", matches = "full")
class WebFluxSampleApplicationTest {

    @TempDir
    Path certificates;

    @Test
    void answersCurlWithItsClientCertificateOverHttp2() throws Exception {
        PeerCommand.require("curl");
        try (ConfigurableApplicationContext app = SpringApplication.run(WebFluxSampleApplication.class,
                "--server.port=0", "--siotls.dev-certificates.directory=" + certificates)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Process curl = new ProcessBuilder("curl", "-sS", "-v", "--http2", "--cacert", file("ca.pem"),
                    "--cert", file("client.pem"), "--key", file("client-key.pem"), "https://localhost:" + port + "/").start();
            curl.getOutputStream().close();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(curl.exitValue()).as(err).isZero();
            assertThat(out).isEqualTo("Hello CN=siotls development client from WebFlux over TLS 1.3 on siotls\n");
            assertThat(err).contains("SSL connection using TLSv1.3").contains("ALPN: server accepted h2");
            assertThat(ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", null)).isFalse();
            assertThat(ClassUtils.isPresent("jakarta.servlet.Servlet", null)).isFalse();
            assertThat(ServerHandshakes.counted(app)).isEqualTo(1);
        }
    }

    private String file(String name) throws IOException {
        return certificates.resolve(name).toString();
    }
}
