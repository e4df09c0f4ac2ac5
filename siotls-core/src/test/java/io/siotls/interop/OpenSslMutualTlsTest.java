package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.UnknownCA;
import io.siotls.testing.CertificateAuthority;
import io.siotls.testing.Configs;
import io.siotls.testing.Eku;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OneConnectionServer;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS against OpenSSL, in both directions. */
class OpenSslMutualTlsTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.RSA_2048);

    @TempDir
    Path dir;

    private PemFiles pem(Identity identity, String name) throws IOException {
        return identity.writePem(Files.createDirectories(dir.resolve(name)));
    }

    private static TLSConfiguration serverRequiringClients() {
        return Configs.server(SERVER).truststore(TrustStores.fromCertificates(List.of(CLIENT.root()))).build();
    }

    @Test
    void openSslClientAuthenticatesToOurServer() throws Exception {
        PemFiles client = pem(CLIENT, "client");
        try (OneConnectionServer listener = OneConnectionServer.pong(serverRequiringClients())) {
            try (ExternalProcess openssl = OpenSslClient.start(listener.port(), "-CAfile",
                    pem(SERVER, "server").ca().toString(), "-cert", client.chain().toString(),
                    "-key", client.key().toString())) {
                openssl.write("ping\n");
                assertThat(openssl.awaitOutput(out -> out.contains("pong: ping"), Duration.ofSeconds(15)))
                        .contains("Acceptable client certificate CA names")
                        .contains("CN = siotls test root RSA_2048");
            }
            TLSNegotiatedConfiguration nconfig = listener.served().nconfig();
            assertThat(nconfig.peerCertificateChain()).isEqualTo(CLIENT.chain());
            assertThat(nconfig.peerSignatureAlgorithm().ianaName()).startsWith("rsa_pss_rsae");
        }
    }

    @Test
    void openSslClientWithoutCertificateGetsCertificateRequired() throws Exception {
        try (OneConnectionServer listener = OneConnectionServer.pong(serverRequiringClients())) {
            try (ExternalProcess openssl = OpenSslClient.start(listener.port(), "-CAfile",
                    pem(SERVER, "server").ca().toString())) {
                openssl.write("ping\n");
                openssl.awaitOutput(out -> out.contains("alert certificate required"), Duration.ofSeconds(15));
            }
            assertThatThrownBy(listener::served).hasCauseInstanceOf(CertificateRequired.class);
        }
    }

    @Test
    void openSslClientWithAStrangersCertificateGetsUnknownCa() throws Exception {
        Identity stranger = TestPki.builder().keyType(KeyType.EC_P256).eku(Eku.CLIENT_AUTH)
                .issuer(CertificateAuthority.root(KeyType.EC_P256, "stranger root")).build();
        PemFiles strangerPem = pem(stranger, "stranger");
        try (OneConnectionServer listener = OneConnectionServer.pong(serverRequiringClients())) {
            try (ExternalProcess openssl = OpenSslClient.start(listener.port(), "-CAfile",
                    pem(SERVER, "server").ca().toString(), "-cert", strangerPem.chain().toString(),
                    "-key", strangerPem.key().toString())) {
                openssl.write("ping\n");
                openssl.awaitOutput(out -> out.contains("alert unknown ca"), Duration.ofSeconds(15));
            }
            assertThatThrownBy(listener::served).hasCauseInstanceOf(UnknownCA.class);
        }
    }

    @Test
    void ourClientAuthenticatesToOpenSsl() throws Exception {
        TLSConfiguration config = Configs.clientTrusting(SERVER)
                .privateKey(CLIENT.privateKey()).certificateChain(CLIENT.chain()).build();
        try (OpenSslServer server = OpenSslServer.start(pem(SERVER, "server"), "-naccept", "1", "-rev",
                "-Verify", "1", "-verify_return_error", "-CAfile", pem(CLIENT, "client").ca().toString());
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            client.write("mutual\n");
            assertThat(client.readUntilContains("lautum", Duration.ofSeconds(10))).contains("lautum");
            assertThat(server.process().awaitOutput(out -> out.contains("verify return:1"), Duration.ofSeconds(10)))
                    .contains("CN = localhost");
            assertThat(client.tls().nconfig().signatureAlgorithm().ianaName()).startsWith("rsa_pss_rsae");
        }
    }

    @Test
    void ourClientWithoutCertificateIsRefusedByOpenSsl() throws Exception {
        TLSConfiguration config = Configs.clientTrusting(SERVER).build();
        try (OpenSslServer server = OpenSslServer.start(pem(SERVER, "server"), "-naccept", "1",
                "-Verify", "1", "-verify_return_error", "-CAfile", pem(CLIENT, "client").ca().toString());
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThatThrownBy(() -> client.readUntil(bytes -> false, Duration.ofSeconds(10)))
                    .isInstanceOf(TLSAlertException.class)
                    .satisfies(e -> assertThat(((TLSAlertException) e).description().ianaName())
                            .isEqualTo("certificate_required"));
        }
    }
}
