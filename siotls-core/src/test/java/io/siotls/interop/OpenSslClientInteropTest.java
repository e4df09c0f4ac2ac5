package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.UnknownCA;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OneConnectionServer;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code openssl s_client -tls1_3}, started as a process, against our server. */
class OpenSslClientInteropTest {

    @TempDir
    Path dir;

    static Stream<org.junit.jupiter.params.provider.Arguments> combinations() {
        return OpenSslServerInteropTest.combinations();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void servesEachSuiteGroupAndScheme(CipherSuite suite, NamedGroup group, SignatureScheme scheme, KeyType keyType)
            throws Exception {
        Identity identity = TestPki.server(keyType);
        TLSConfiguration config = Configs.server(identity).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = OpenSslClient.start(listener.port(),
                    "-CAfile", identity.writePem(dir).ca().toString(), "-verify_return_error", "-servername", "localhost",
                    "-ciphersuites", suite.ianaName(), "-groups", OpenSslServerInteropTest.openSslGroup(group),
                    "-sigalgs", scheme.ianaName())) {
                client.write("ping\n");
                String output = client.awaitOutput(out -> out.contains("pong: ping"), Duration.ofSeconds(15));
                assertThat(output).contains("Verify return code: 0 (ok)").contains("TLSv1.3, Cipher is " + suite.ianaName());
            }
            listener.served().assertPingFromLocalhostOver(suite, group, scheme);
        }
    }

    @Test
    void negotiatesAlpnInTheServersOrder() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).alpn("h2", "http/1.1").build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = OpenSslClient.start(listener.port(),
                    "-CAfile", identity.writePem(dir).ca().toString(), "-alpn", "http/1.1,h2")) {
                client.write("ping\n");
                assertThat(client.awaitOutput(out -> out.contains("pong: ping"), Duration.ofSeconds(15)))
                        .contains("ALPN protocol: h2");
            }
            assertThat(listener.served().nconfig().alpn()).isEqualTo("h2");
        }
    }

    @Test
    void receivesTheClientsAlertWhenItDoesNotTrustUs() throws Exception {
        Identity served = TestPki.server(KeyType.EC_P256);
        Identity other = TestPki.server(KeyType.EC_P384);
        TLSConfiguration config = Configs.server(served).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = OpenSslClient.start(listener.port(),
                    "-CAfile", other.writePem(dir).ca().toString(), "-verify_return_error")) {
                client.awaitExit(Duration.ofSeconds(15));
            }
            assertThatThrownBy(listener::served)
                    .hasCauseInstanceOf(UnknownCA.class)
                    .satisfies(e -> assertThat(((TLSAlertException) e.getCause()).isRemote()).isTrue());
        }
    }

    @Test
    void asksForAnotherShareWithHelloRetryRequest() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).keyExchanges(NamedGroup.SECP384R1).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = OpenSslClient.start(listener.port(),
                    "-CAfile", identity.writePem(dir).ca().toString(), "-groups", "X25519:P-384")) {
                client.write("ping\n");
                assertThat(client.awaitOutput(out -> out.contains("pong: ping"), Duration.ofSeconds(15)))
                        .contains("Verify return code: 0 (ok)");
            }
            assertThat(listener.served().nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
        }
    }

    @Test
    void followsTheClientsKeyUpdate() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = OpenSslClient.start(listener.port(),
                    "-CAfile", identity.writePem(dir).ca().toString(), "-msg")) {
                client.awaitOutput(out -> out.contains("Verify return code"), Duration.ofSeconds(15));
                client.write("K\n");
                client.awaitOutput(out -> out.contains("<<< TLS 1.3, Handshake [length 0005], KeyUpdate"),
                        Duration.ofSeconds(10));
                client.write("ping\n");
                String output = client.awaitOutput(out -> out.contains("pong: ping"), Duration.ofSeconds(15));
                assertThat(output).as("OpenSSL requested an update and received ours")
                        .contains(">>> TLS 1.3, Handshake [length 0005], KeyUpdate")
                        .contains("<<< TLS 1.3, Handshake [length 0005], KeyUpdate");
            }
            assertThat(listener.served().received()).isEqualTo("ping\n");
        }
    }
}
