package io.siotls.spring.autoconfigure.tomcat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Embedded Tomcat, servlet and reactive, serves exactly the siotls configuration to openssl:
 * Tomcat's own cipher strings (its TLS 1.2 default {@code HIGH:...} holds TLS_AES_128_CCM_SHA256)
 * and, from JDK 20, the client's groups it sets on every engine must not widen it.
 */
class TomcatServedAlgorithmsTest {

    @TempDir
    static Path pkiDir;

    private static TestPki.Leaf server;

    @BeforeAll
    static void makePki() {
        server = new TestPki(pkiDir).leaf("server", "localhost");
    }

    private static ConfigurableApplicationContext start(WebApplicationType type, String... properties) {
        return TestApplications.runHelloApplication(type, TestApplications.NETTY_REACTIVE, server, properties);
    }

    @ParameterizedTest
    @EnumSource(value = WebApplicationType.class, names = {"SERVLET", "REACTIVE"})
    void servesTheDefaultSuitesAndGroupsAndRefusesEveryOther(WebApplicationType type) throws Exception {
        try (ConfigurableApplicationContext app = start(type)) {
            OpenSslOffers.assertServesExactly(TestApplications.port(app), TLSConfiguration.DEFAULT_CIPHER_SUITES,
                    TLSConfiguration.DEFAULT_KEY_EXCHANGES);
        }
    }

    @Test
    void servesExplicitlyConfiguredCcmSuitesAndGroupsOnly() throws Exception {
        try (ConfigurableApplicationContext app = start(WebApplicationType.SERVLET,
                "siotls.server.cipher-suites=TLS_AES_128_CCM_SHA256,TLS_AES_128_CCM_8_SHA256",
                "siotls.server.key-exchanges=secp384r1,x448")) {
            OpenSslOffers.assertServesExactly(TestApplications.port(app),
                    List.of(CipherSuite.TLS_AES_128_CCM_SHA256, CipherSuite.TLS_AES_128_CCM_8_SHA256),
                    List.of(NamedGroup.SECP384R1, NamedGroup.X448));
        }
    }
}
