package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ExternalPsk;
import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsClient;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OneConnectionServer;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External PSKs (RFC 8446 §2.2, §4.2.11) with OpenSSL and GnuTLS, both directions: servers that
 * hold no certificate ({@code s_server -nocert}, {@code gnutls-serv} with a PSK file only), the
 * "ext binder" binder, SHA-256 with TLS_AES_128_GCM_SHA256 (what {@code -psk} gives OpenSSL), and
 * psk_ke (GnuTLS' {@code +PSK}, OpenSSL's {@code -allow_no_dhe_kex}).
 */
class ExternalPskInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KEY_HEX = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final ExternalPsk PSK = ExternalPsk.of("client-1", HexFormat.of().parseHex(KEY_HEX));
    private static final Identity UNUSED_TRUST = TestPki.server(KeyType.EC_P256);

    @TempDir
    Path dir;

    private static TLSConfiguration.Builder client() {
        return Configs.clientTrusting(UNUSED_TRUST).externalPsks(PSK);
    }

    private static TLSConfiguration.Builder pskOnlyServer() {
        return TLSConfiguration.server().externalPsks(PSK);
    }

    private static void assertAuthenticatedByThePsk(TLSNegotiatedConfiguration negotiated, boolean forwardSecret) {
        assertThat(negotiated.externalPskIdentity()).asString(StandardCharsets.UTF_8).isEqualTo("client-1");
        assertThat(negotiated.peerCertificateChain()).isEmpty();
        assertThat(negotiated.peerSignatureAlgorithm()).isNull();
        assertThat(negotiated.keyExchange() != null).as("(EC)DHE exchanged").isEqualTo(forwardSecret);
    }

    @Test
    void ourClientAuthenticatesToOpenSslWithoutCertificate() throws Exception {
        try (OpenSslServer server = OpenSslServer.startWithoutCertificate("-psk", KEY_HEX, "-psk_identity", "client-1",
                "-naccept", "1", "-rev");
             SocketConnection client = SocketConnection.connect(server.port(), client().build(), "localhost")) {
            client.handshake();
            client.write("ping\n");
            assertThat(client.readUntilContains("gnip", WAIT)).contains("gnip");
            assertAuthenticatedByThePsk(client.tls().nconfig(), true);
            assertThat(client.tls().nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        }
    }

    @Test
    void openSslPrefersPskDheKeWhenOurClientAlsoOffersPskKe() throws Exception {
        try (OpenSslServer server = OpenSslServer.startWithoutCertificate("-psk", KEY_HEX, "-psk_identity", "client-1",
                "-allow_no_dhe_kex", "-naccept", "1", "-rev");
             SocketConnection client = SocketConnection.connect(server.port(),
                     client().pskKeWithoutForwardSecrecy(true).build(), "localhost")) {
            client.handshake();
            client.write("ping\n");
            assertThat(client.readUntilContains("gnip", WAIT)).contains("gnip");
            assertAuthenticatedByThePsk(client.tls().nconfig(), true);
        }
    }

    @Test
    void openSslClientAuthenticatesToOurPskOnlyServer() throws Exception {
        try (OneConnectionServer listener = OneConnectionServer.pong(pskOnlyServer().build());
             ExternalProcess client = OpenSslClient.start(listener.port(), "-psk", KEY_HEX,
                     "-psk_identity", "client-1")) {
            client.write("ping\n");
            assertThat(client.awaitOutput(out -> out.contains("pong: ping"), WAIT))
                    .contains("Cipher is TLS_AES_128_GCM_SHA256");
            assertAuthenticatedByThePsk(listener.served().nconfig(), true);
        }
    }

    @Test
    void openSslClientWithAWrongKeyGetsDecryptError() throws Exception {
        String wrong = "ff" + KEY_HEX.substring(2);
        try (OneConnectionServer listener = OneConnectionServer.pong(pskOnlyServer().build());
             ExternalProcess client = OpenSslClient.start(listener.port(), "-psk", wrong, "-psk_identity", "client-1")) {
            client.awaitExit(WAIT);
            assertThat(client.output()).contains("alert decrypt error");
        }
    }

    @Test
    void ourClientUsesPskKeWithAGnutlsServerThatOnlyAllowsIt() throws Exception {
        Path passwords = Files.writeString(dir.resolve("psk.passwd"), "client-1:" + KEY_HEX + "\n");
        try (GnutlsServer server = GnutlsServer.start(Gnutls.tls13().pskKeyExchanges("PSK"),
                List.of("--pskpasswd", passwords.toString()));
             SocketConnection client = SocketConnection.connect(server.port(),
                     client().pskKeWithoutForwardSecrecy(true).build(), "localhost")) {
            client.handshake();
            client.write("ping\n");
            assertThat(client.readUntilContains("ping\n", WAIT)).isEqualTo("ping\n");
            assertAuthenticatedByThePsk(client.tls().nconfig(), false);
        }
    }

    @Test
    void gnutlsClientOfferingOnlyPskKeGetsItFromOurServerWhenAllowed() throws Exception {
        TLSConfiguration config = pskOnlyServer().pskKeWithoutForwardSecrecy(true).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config);
             ExternalProcess client = GnutlsClient.start(listener.port(), Gnutls.tls13().pskKeyExchanges("PSK"),
                     List.of("--pskusername", "client-1", "--pskkey", KEY_HEX))) {
            client.awaitOutput(out -> out.contains(GnutlsClient.CONNECTED), WAIT);
            client.write("ping\n");
            assertThat(client.awaitOutput(out -> out.contains("pong: ping"), WAIT)).contains("PSK authentication");
            assertAuthenticatedByThePsk(listener.served().nconfig(), false);
        }
    }

    @Test
    void gnutlsClientOfferingBothModesGetsPskDheKeFromOurServer() throws Exception {
        TLSConfiguration config = pskOnlyServer().pskKeWithoutForwardSecrecy(true).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config);
             ExternalProcess client = GnutlsClient.start(listener.port(),
                     Gnutls.tls13().pskKeyExchanges("PSK", "ECDHE-PSK"),
                     List.of("--pskusername", "client-1", "--pskkey", KEY_HEX))) {
            client.awaitOutput(out -> out.contains(GnutlsClient.CONNECTED), WAIT);
            client.write("ping\n");
            client.awaitOutput(out -> out.contains("pong: ping"), WAIT);
            assertAuthenticatedByThePsk(listener.served().nconfig(), true);
        }
    }
}
