package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.CertificateExpired;
import io.siotls.alerts.UnknownCA;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.SuiteGroupSchemeCombinations;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our client against {@code openssl s_server -tls1_3}, started as a process. */
class OpenSslServerInteropTest {

    @TempDir
    Path dir;

    static Stream<Arguments> combinations() {
        return SuiteGroupSchemeCombinations.all();
    }

    static String openSslGroup(NamedGroup group) {
        return group == NamedGroup.SECP256R1 ? "P-256" : group.ianaName();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void echoesDataWithEachSuiteGroupAndScheme(CipherSuite suite, NamedGroup group, SignatureScheme scheme,
            KeyType keyType) throws Exception {
        Identity identity = TestPki.server(keyType);
        PemFiles pem = identity.writePem(dir);
        TLSConfiguration config = Configs.clientTrusting(identity).cipherSuites(suite).keyExchanges(group).build();
        try (OpenSslServer server = OpenSslServer.start(pem, "-naccept", "1", "-rev",
                "-ciphersuites", suite.ianaName(), "-groups", openSslGroup(group), "-sigalgs", scheme.ianaName());
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().cipherSuite()).isEqualTo(suite);
            assertThat(client.tls().nconfig().keyExchange()).isEqualTo(group);
            assertThat(client.tls().nconfig().peerSignatureAlgorithm()).isEqualTo(scheme);
            client.write("hello openssl\n");
            assertThat(client.readUntilContains("lssnepo olleh", Duration.ofSeconds(10))).contains("lssnepo olleh");
        }
    }

    @Test
    void negotiatesAlpnInTheServersOrder() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).alpn("http/1.1", "h2").build();
        try (OpenSslServer server = OpenSslServer.start(identity.writePem(dir), "-naccept", "1", "-rev",
                "-alpn", "h2,http/1.1");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().alpn()).isEqualTo("h2");
        }
    }

    @Test
    void failsWithUnknownCaAgainstAnUntrustedCertificate() throws Exception {
        Identity served = TestPki.server(KeyType.EC_P256);
        Identity trusted = TestPki.server(KeyType.EC_P384);
        TLSConfiguration config = Configs.clientTrusting(trusted).build();
        try (OpenSslServer server = OpenSslServer.start(served.writePem(dir), "-naccept", "1");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            assertThatThrownBy(client::handshake).isInstanceOf(UnknownCA.class);
            server.process().awaitOutput(out -> out.contains("alert unknown ca"), Duration.ofSeconds(10));
        }
    }

    @Test
    void failsWithCertificateExpiredAgainstAnExpiredCertificate() throws Exception {
        Identity expired = TestPki.builder().keyType(KeyType.EC_P256).expired().build();
        TLSConfiguration config = Configs.clientTrusting(expired).build();
        try (OpenSslServer server = OpenSslServer.start(expired.writePem(dir), "-naccept", "1");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            assertThatThrownBy(client::handshake).isInstanceOf(CertificateExpired.class);
            server.process().awaitOutput(out -> out.contains("alert certificate expired"), Duration.ofSeconds(10));
        }
    }

    @Test
    void failsWithBadCertificateWhenTheHostNameDoesNotMatch() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        try (OpenSslServer server = OpenSslServer.start(identity.writePem(dir), "-naccept", "1");
             SocketConnection client = SocketConnection.connect(server.port(), config, "www.example.org")) {
            assertThatThrownBy(client::handshake).isInstanceOf(BadCertificate.class)
                    .hasMessageContaining("www.example.org");
            server.process().awaitOutput(out -> out.contains("alert bad certificate"), Duration.ofSeconds(10));
        }
    }

    @Test
    void retriesWithTheGroupTheServerAsksFor() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).build();
        try (OpenSslServer server = OpenSslServer.start(identity.writePem(dir), "-naccept", "1", "-rev",
                "-groups", "P-384");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
            client.write("retried\n");
            assertThat(client.readUntilContains("deirter", Duration.ofSeconds(10))).contains("deirter");
        }
    }

    @Test
    void followsTheServersKeyUpdate() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        try (OpenSslServer server = OpenSslServer.start(identity.writePem(dir), "-naccept", "1", "-msg");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            server.process().write("K\n");
            server.process().awaitOutput(out -> out.contains(">>> TLS 1.3, Handshake [length 0005], KeyUpdate"),
                    Duration.ofSeconds(10));
            server.process().write("after update\n");
            assertThat(client.readUntilContains("after update", Duration.ofSeconds(10))).contains("after update");
            client.write("answered\n");
            String output = server.process().awaitOutput(out -> out.contains("answered"), Duration.ofSeconds(10));
            assertThat(output).as("OpenSSL requested an update and received ours")
                    .contains(">>> TLS 1.3, Handshake [length 0005], KeyUpdate")
                    .contains("<<< TLS 1.3, Handshake [length 0005], KeyUpdate");
        }
    }
}
