package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.alerts.UnknownCA;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsNames;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.PemFiles;
import io.siotls.testing.RecordRelay;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Our client against {@code gnutls-serv --echo} restricted to TLS 1.3, started as a process. */
@Timeout(30)
class GnutlsServerInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /**
     * Each default suite, each group and each signature scheme at least once, the other two
     * algorithms held to a common choice.
     */
    static Stream<Arguments> algorithms() {
        CipherSuite suite = CipherSuite.TLS_AES_128_GCM_SHA256;
        NamedGroup group = NamedGroup.X25519;
        SignatureScheme scheme = SignatureScheme.ECDSA_SECP256R1_SHA256;
        KeyType key = KeyType.EC_P256;
        return Stream.of(
                Arguments.of(CipherSuite.TLS_AES_128_GCM_SHA256, group, scheme, key),
                Arguments.of(CipherSuite.TLS_AES_256_GCM_SHA384, group, scheme, key),
                Arguments.of(CipherSuite.TLS_CHACHA20_POLY1305_SHA256, group, scheme, key),
                Arguments.of(CipherSuite.TLS_AES_128_CCM_SHA256, group, scheme, key),
                Arguments.of(suite, NamedGroup.X448, scheme, key),
                Arguments.of(suite, NamedGroup.SECP256R1, scheme, key),
                Arguments.of(suite, NamedGroup.SECP384R1, scheme, key),
                Arguments.of(suite, NamedGroup.SECP521R1, scheme, key),
                Arguments.of(suite, NamedGroup.FFDHE2048, scheme, key),
                Arguments.of(suite, group, SignatureScheme.ECDSA_SECP384R1_SHA384, KeyType.EC_P384),
                Arguments.of(suite, group, SignatureScheme.ECDSA_SECP521R1_SHA512, KeyType.EC_P521),
                Arguments.of(suite, group, SignatureScheme.ED25519, KeyType.ED25519),
                Arguments.of(suite, group, SignatureScheme.ED448, KeyType.ED448),
                Arguments.of(suite, group, SignatureScheme.RSA_PSS_RSAE_SHA256, KeyType.RSA_2048),
                Arguments.of(suite, group, SignatureScheme.RSA_PSS_PSS_SHA256, KeyType.RSA_PSS_2048));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("algorithms")
    void echoesDataWithEachSuiteGroupAndScheme(CipherSuite suite, NamedGroup group, SignatureScheme scheme,
            KeyType keyType) throws Exception {
        Identity identity = TestPki.server(keyType);
        TLSConfiguration config = Configs.clientTrusting(identity)
                .cipherSuites(suite).keyExchanges(group).signatureAlgorithms(scheme).build();
        Gnutls.Priority priority = Gnutls.tls13().ciphers(GnutlsNames.cipher(suite)).groups(GnutlsNames.group(group))
                .signatures(GnutlsNames.signature(scheme));
        try (GnutlsServer server = GnutlsServer.start(identity, dir, priority);
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            TLSNegotiatedConfiguration nconfig = client.tls().nconfig();
            assertThat(nconfig.cipherSuite()).isEqualTo(suite);
            assertThat(nconfig.keyExchange()).isEqualTo(group);
            assertThat(nconfig.peerSignatureAlgorithm()).isEqualTo(scheme);
            assertThat(nconfig.peerCertificateChain()).containsExactlyElementsOf(identity.chain());
            client.write("hello gnutls\n");
            assertThat(client.readUntilContains("hello gnutls\n", WAIT)).isEqualTo("hello gnutls\n");
            assertThat(server.process().awaitOutput(out -> out.contains("hello gnutls"), WAIT))
                    .contains("- Description: " + GnutlsNames.description(suite, group, scheme))
                    .contains("- Given server name[1]: localhost");
        }
    }

    @Test
    void negotiatesTheOnlyProtocolTheServerSupports() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).alpn("h2", "http/1.1").build();
        try (GnutlsServer server = GnutlsServer.start(identity, dir, Gnutls.tls13(), "--alpn", "http/1.1");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().alpn()).isEqualTo("http/1.1");
            client.write("alpn\n");
            assertThat(client.readUntilContains("alpn\n", WAIT)).isEqualTo("alpn\n");
            server.process().awaitOutput(out -> out.contains("- Application protocol: http/1.1"), WAIT);
        }
    }

    @Test
    void failsWithUnknownCaAgainstAnUntrustedCertificate() throws Exception {
        Identity served = TestPki.server(KeyType.EC_P256);
        Identity trusted = TestPki.server(KeyType.EC_P384);
        TLSConfiguration config = Configs.clientTrusting(trusted).build();
        try (GnutlsServer server = GnutlsServer.start(served, dir, Gnutls.tls13(), "-d", "5");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            assertThatThrownBy(client::handshake).isInstanceOf(UnknownCA.class);
            assertThat(server.process().awaitOutput(out -> out.contains("Error in handshake"), WAIT))
                    .contains("Alert[2|48] - CA is unknown - was received")
                    .contains("Error in handshake: A TLS fatal alert has been received");
        }
    }

    @Test
    void retriesWithTheGroupTheServerAsksFor() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).build();
        try (GnutlsServer server = GnutlsServer.start(identity, dir,
                Gnutls.tls13().groups(GnutlsNames.group(NamedGroup.SECP384R1)), "-d", "4");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
            client.write("retried\n");
            assertThat(client.readUntilContains("retried\n", WAIT)).isEqualTo("retried\n");
            assertThat(server.process().awaitOutput(out -> out.contains("Received key share for SECP384R1"), WAIT))
                    .contains("Received key share for X25519")
                    .contains("requesting retry with group SECP384R1")
                    .contains("Received key share for SECP384R1");
        }
    }

    @Test
    void authenticatesWithAClientCertificateWhenTheServerRequiresOne() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        Identity client = TestPki.client(KeyType.EC_P384);
        TLSConfiguration config = Configs.clientTrusting(server)
                .privateKey(client.privateKey()).certificateChain(client.chain()).build();
        PemFiles clientPem = client.writePem(dir.resolve("client"));
        try (GnutlsServer gnutls = GnutlsServer.start(server, dir, Gnutls.tls13(),
                "--require-client-cert", "--verify-client-cert", "--x509cafile", clientPem.ca().toString());
             SocketConnection connection = SocketConnection.connect(gnutls.port(), config, "localhost")) {
            connection.handshake();
            assertThat(connection.tls().nconfig().signatureAlgorithm()).isEqualTo(SignatureScheme.ECDSA_SECP384R1_SHA384);
            connection.write("authenticated\n");
            assertThat(connection.readUntilContains("authenticated\n", WAIT)).isEqualTo("authenticated\n");
            assertThat(gnutls.process().awaitOutput(out -> out.contains("authenticated"), WAIT))
                    .contains("- Status: The certificate is trusted.")
                    .contains("Issuer: CN=siotls test root EC_P384,O=siotls tests");
        }
    }

    @Test
    void updatesKeysBothWaysWhenItAsksTheServerTo() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        try (GnutlsServer server = GnutlsServer.start(identity, dir, Gnutls.tls13(), "-d", "4");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            client.tls().updateKeys(true);
            client.write("after update\n");
            assertThat(client.readUntilContains("after update\n", WAIT))
                    .as("echoed under GnuTLS' updated keys").isEqualTo("after update\n");
            assertThat(server.process().awaitOutput(out -> out.contains("sending key update"), WAIT))
                    .as("GnuTLS received our update_requested and answered with update_not_requested")
                    .contains("received TLS 1.3 key update (1)")
                    .contains("sending key update (0)");
        }
    }

    /**
     * RFC 8449: gnutls-serv announces {@code record_size_limit} = limit + 1 (the limit counts the
     * inner content type), so every protected record we send holds at most {@code limit} bytes
     * of content: its ciphertext is at most limit + 1 + 16 (AEAD tag) bytes long. GnuTLS also
     * refuses larger records, so a complete echo is evidence too.
     */
    @ParameterizedTest(name = "--recordsize={0}")
    @ValueSource(ints = {512, 4096})
    void sendsRecordsNoLargerThanTheServersLimit(int limit) throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256)
                .build();
        byte[] payload = Payloads.lines(64 * 1024);
        try (GnutlsServer server = GnutlsServer.start(identity, dir, Gnutls.tls13(),
                "--recordsize=" + limit);
             RecordRelay relay = RecordRelay.start(server.port());
             SocketConnection client = SocketConnection.connect(relay.port(), config, "localhost")) {
            client.handshake();
            client.write(payload);
            byte[] echoed = client.readUntil(received -> received.length >= payload.length, WAIT);
            assertThat(Arrays.equals(echoed, payload)).as("the echo equals the %d bytes sent", payload.length)
                    .isTrue();
            int largestCiphertext = limit + 1 + 16;
            assertThat(relay.fromClient())
                    .filteredOn(header -> header.contentType() == RecordRelay.APPLICATION_DATA)
                    .hasSizeGreaterThanOrEqualTo(payload.length / limit)
                    .allSatisfy(header -> assertThat(header.length()).isLessThanOrEqualTo(largestCiphertext))
                    .anySatisfy(header -> assertThat(header.length()).isEqualTo(largestCiphertext));
        }
    }

    @ParameterizedTest(name = "--recordsize={0}")
    @ValueSource(ints = {512, 4096})
    void reportsTheFragmentLengthTheServersLimitLeavesUs(int limit) throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        try (GnutlsServer server = GnutlsServer.start(identity, dir, Gnutls.tls13(), "--recordsize=" + limit);
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().maxFragmentLength())
                    .as("the largest plaintext per record this side sends").isEqualTo(limit);
        }
    }
}
