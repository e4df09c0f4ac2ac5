package io.siotls.spring.autoconfigure.netty;

import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.spring.autoconfigure.HelloApplication;
import io.siotls.spring.autoconfigure.OpenSslOffers;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reactor Netty's server serves exactly the siotls configuration to openssl: Netty's own default
 * cipher list (TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384 among its TLS 1.2 ones), which
 * its {@code JdkSslContext} enables on every engine unless given one, must neither widen nor
 * narrow it.
 */
class NettyServedAlgorithmsTest {

    private static final String TOMCAT_REACTIVE =
            "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration";

    @TempDir
    static Path pkiDir;

    private static TestPki.Leaf server;

    @BeforeAll
    static void makePki() {
        server = new TestPki(pkiDir).leaf("server", "localhost");
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(HelloApplication.class).web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "logging.level.root=warn",
                        "siotls.server.certificate-chain=" + TestPki.location(server.chainFile()),
                        "siotls.server.private-key=" + TestPki.location(server.keyFile()),
                        "spring.autoconfigure.exclude=" + TOMCAT_REACTIVE)
                .properties(properties).run();
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @Test
    void servesTheDefaultSuitesAndGroupsAndRefusesEveryOther() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            OpenSslOffers.assertServesExactly(port(app), TLSConfiguration.DEFAULT_CIPHER_SUITES,
                    TLSConfiguration.DEFAULT_KEY_EXCHANGES);
        }
    }

    @Test
    void servesExplicitlyConfiguredCcmSuitesAndGroupsOnly() throws Exception {
        try (ConfigurableApplicationContext app = start(
                "siotls.server.cipher-suites=TLS_AES_128_CCM_SHA256,TLS_AES_128_CCM_8_SHA256",
                "siotls.server.key-exchanges=secp384r1,x448")) {
            OpenSslOffers.assertServesExactly(port(app),
                    List.of(CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256),
                    List.of(NamedGroup.SECP384R1, NamedGroup.X448));
        }
    }
}
