package io.siotls.spring.autoconfigure.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.HelloApplication;
import io.siotls.spring.autoconfigure.TestApplications;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a Tomcat application on siotls says at startup about its key material: not Tomcat's line
 * naming its default key store ({@code ~/.keystore}, alias {@code tomcat}), which Tomcat never
 * reads, but a line naming the siotls properties and files the certificate and trust store come
 * from; and Tomcat's line when the application asked for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class TomcatStartupLogTest {

    @TempDir
    static Path pkiDir;

    private static TestPki.Leaf server;
    private static Path ca;

    @BeforeAll
    static void makePki() {
        TestPki pki = new TestPki(pkiDir);
        ca = pki.caFile();
        server = pki.leaf("server", "localhost");
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(HelloApplication.class).web(WebApplicationType.SERVLET)
                .properties("server.port=0", "logging.level.root=info",
                        "siotls.server.certificate-chain=" + TestPki.location(server.chainFile()),
                        "siotls.server.private-key=" + TestPki.location(server.keyFile()),
                        "siotls.server.truststore=" + TestPki.location(ca))
                .properties(properties).run();
    }

    @Test
    void startupNamesTheSiotlsFilesNotTomcatsDefaultKeyStore(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start()) {
            int port = TestApplications.port(app);
            assertThat(output).doesNotContain(".keystore").doesNotContain("configured from keystore")
                    .doesNotContain("using alias [tomcat]");
            assertThat(output).contains("Connector [https-jsse-nio-auto-").contains("-" + port + "] serves TLS 1.3 on "
                    + "siotls: key material from siotls.server.certificate-chain URL [file:" + server.chainFile() + "], "
                    + "siotls.server.private-key URL [file:" + server.keyFile() + "] "
                    + "(end-entity certificate CN=localhost); "
                    + "trust store: siotls.server.truststore=" + TestPki.location(ca));
        }
    }

    @Test
    void tomcatsLineStaysWhenTheApplicationSetsItsLevel(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(
                "logging.level.org.apache.tomcat.util.net.NioEndpoint.certificate=info")) {
            assertThat(output).contains("TLS virtual host [_default_]")
                    .contains("serves TLS 1.3 on siotls: key material from siotls.server.certificate-chain");
        }
    }
}
