package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.TLSAlertException;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsClient;
import io.siotls.testing.GnutlsNames;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OneConnectionServer;
import io.siotls.testing.PemFiles;
import io.siotls.testing.RecordRelay;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code gnutls-cli}, restricted to TLS 1.3 and started as a process, against our server. */
@Timeout(30)
class GnutlsClientInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    static Stream<Arguments> algorithms() {
        return GnutlsServerInteropTest.algorithms();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("algorithms")
    void servesEachSuiteGroupAndScheme(CipherSuite suite, NamedGroup group, SignatureScheme scheme, KeyType keyType)
            throws Exception {
        Identity identity = TestPki.server(keyType);
        TLSConfiguration config = Configs.server(identity).cipherSuites(suite).keyExchanges(group).build();
        Gnutls.Priority priority = Gnutls.tls13().ciphers(GnutlsNames.cipher(suite)).groups(GnutlsNames.group(group))
                .signatures(GnutlsNames.signature(scheme));
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = GnutlsClient.start(listener.port(), identity.writePem(dir), priority)) {
                client.write("ping\n");
                assertThat(client.awaitOutput(out -> out.contains("pong: ping"), WAIT))
                        .contains("- Status: The certificate is trusted.")
                        .contains("- Description: " + GnutlsNames.description(suite, group, scheme));
            }
            listener.served().assertPingFromLocalhostOver(suite, group, scheme);
        }
    }

    @Test
    void negotiatesAlpnInTheServersOrder() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).alpn("h2", "http/1.1").build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = GnutlsClient.start(listener.port(), identity.writePem(dir),
                    Gnutls.tls13(), "--alpn", "http/1.1", "--alpn", "h2")) {
                client.write("ping\n");
                assertThat(client.awaitOutput(out -> out.contains("pong: ping"), WAIT))
                        .contains("- Application protocol: h2");
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
            try (ExternalProcess client = GnutlsClient.start(listener.port(), other.writePem(dir),
                    Gnutls.tls13())) {
                assertThat(client.awaitExit(WAIT)).isNotZero();
                assertThat(client.output()).contains("The certificate issuer is unknown");
            }
            assertThatThrownBy(listener::served)
                    .as("gnutls-cli answers a certificate it cannot verify with bad_certificate")
                    .hasCauseInstanceOf(BadCertificate.class)
                    .satisfies(e -> assertThat(((TLSAlertException) e.getCause()).isRemote()).isTrue());
        }
    }

    @Test
    void asksForAnotherShareWithHelloRetryRequest() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).keyExchanges(NamedGroup.SECP384R1).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = GnutlsClient.start(listener.port(), identity.writePem(dir),
                    Gnutls.tls13().groups(GnutlsNames.group(NamedGroup.X25519), GnutlsNames.group(NamedGroup.SECP384R1)),
                    "--single-key-share", "-d", "4")) {
                client.write("ping\n");
                assertThat(client.awaitOutput(out -> out.contains("pong: ping"), WAIT))
                        .contains("sending key share for X25519")
                        .contains("HRR key share with SECP384R1")
                        .contains("sending key share for SECP384R1");
            }
            assertThat(listener.served().nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
        }
    }

    @Test
    void authenticatesTheClientsCertificate() throws Exception {
        Identity server = TestPki.server(KeyType.EC_P256);
        Identity client = TestPki.client(KeyType.EC_P384);
        TLSConfiguration config = Configs.server(server)
                .truststore(TrustStores.fromCertificates(List.of(client.root()))).build();
        Path clientDir = dir.resolve("client");
        PemFiles clientPem = client.writePem(clientDir);
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess gnutls = GnutlsClient.start(listener.port(), server.writePem(dir),
                    Gnutls.tls13(), "--x509certfile", clientPem.chain().toString(),
                    "--x509keyfile", Gnutls.writePrivateKey(client, clientDir).toString())) {
                gnutls.write("ping\n");
                assertThat(gnutls.awaitOutput(out -> out.contains("pong: ping"), WAIT))
                        .contains("- Server has requested a certificate.")
                        .contains("- Successfully sent 1 certificate(s) to server.");
            }
            TLSNegotiatedConfiguration nconfig = listener.served().nconfig();
            assertThat(nconfig.peerCertificateChain()).containsExactlyElementsOf(client.chain());
            assertThat(nconfig.peerSignatureAlgorithm()).isEqualTo(SignatureScheme.ECDSA_SECP384R1_SHA384);
        }
    }

    @Test
    void answersTheClientsKeyUpdateRequest() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess client = GnutlsClient.start(listener.port(), identity.writePem(dir),
                    Gnutls.tls13(), "--inline-commands", "-d", "4")) {
                client.awaitOutput(out -> out.contains(GnutlsClient.CONNECTED), WAIT);
                client.write("^rekey^\n");
                client.write("ping\n");
                assertThat(client.awaitOutput(out -> out.contains("pong: ping"), WAIT))
                        .as("GnuTLS asked for our update and received it")
                        .contains("sending key update (1)")
                        .contains("received TLS 1.3 key update (0)");
            }
            assertThat(listener.served().received()).isEqualTo("ping\n");
        }
    }

    /**
     * RFC 8449: gnutls-cli announces {@code record_size_limit} = limit + 1, so every protected
     * record of ours, from EncryptedExtensions on, holds at most {@code limit} bytes of content
     * and is at most limit + 1 + 16 (AEAD tag) bytes long. gnutls-cli also sends max_fragment_length,
     * which a server that supports record_size_limit ignores (RFC 8449 §5).
     */
    @ParameterizedTest(name = "--recordsize={0}")
    @ValueSource(ints = {512, 4096})
    void sendsRecordsNoLargerThanTheClientsLimit(int limit) throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256).build();
        byte[] payload = Payloads.lines(64 * 1024);
        String expected = new String(payload, StandardCharsets.US_ASCII);
        PemFiles pem = identity.writePem(dir);
        try (OneConnectionServer listener = OneConnectionServer.start(config, line -> payload);
             RecordRelay relay = RecordRelay.start(listener.port())) {
            try (ExternalProcess client = GnutlsClient.start(relay.port(), pem, Gnutls.tls13(),
                    "--recordsize=" + limit)) {
                client.write("send\n");
                client.awaitOutput(out -> out.contains(expected), WAIT);
            }
            assertThat(listener.served().received()).isEqualTo("send\n");
            int largestCiphertext = limit + 1 + 16;
            assertThat(relay.fromServer())
                    .filteredOn(header -> header.contentType() == RecordRelay.APPLICATION_DATA)
                    .hasSizeGreaterThanOrEqualTo(payload.length / limit)
                    .allSatisfy(header -> assertThat(header.length()).isLessThanOrEqualTo(largestCiphertext))
                    .anySatisfy(header -> assertThat(header.length()).isEqualTo(largestCiphertext));
        }
    }
}
