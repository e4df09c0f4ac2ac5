package io.siotls.spring.autoconfigure.netty;

import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.spring.autoconfigure.OpenSslOffers;
import io.siotls.spring.autoconfigure.TestApplications;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Reactor Netty's server serves exactly the siotls configuration to openssl: Netty's own default
 * cipher list (TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384 among its TLS 1.2 ones), which
 * its {@code JdkSslContext} enables on every engine unless given one, must neither widen nor
 * narrow it.
 */
class NettyServedAlgorithmsTest {

    @TempDir
    static Path pkiDir;

    private static TestPki.Leaf server;

    @BeforeAll
    static void makePki() {
        server = new TestPki(pkiDir).leaf("server", "localhost");
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return TestApplications.runHelloApplication(WebApplicationType.REACTIVE, TestApplications.TOMCAT_REACTIVE,
                server, properties);
    }

    @Test
    void servesTheDefaultSuitesAndGroupsAndRefusesEveryOther() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            OpenSslOffers.assertServesExactly(TestApplications.port(app), TLSConfiguration.DEFAULT_CIPHER_SUITES,
                    TLSConfiguration.DEFAULT_KEY_EXCHANGES);
        }
    }

    @Test
    void servesExplicitlyConfiguredCcmSuitesAndGroupsOnly() throws Exception {
        try (ConfigurableApplicationContext app = start(
                "siotls.server.cipher-suites=TLS_AES_128_CCM_SHA256,TLS_AES_128_CCM_8_SHA256",
                "siotls.server.key-exchanges=secp384r1,x448")) {
            OpenSslOffers.assertServesExactly(TestApplications.port(app),
                    List.of(CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256),
                    List.of(NamedGroup.SECP384R1, NamedGroup.X448));
        }
    }
}
