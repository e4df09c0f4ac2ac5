package io.siotls.connection;

import io.siotls.TLSConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.TLSConfigurationException;
import io.siotls.extensions.HeartbeatExtension;
import io.siotls.iana.ExtensionType;
import io.siotls.messages.ClientHello;
import io.siotls.testing.CertificateAuthority;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.OcspResponses;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.Records;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import io.siotls.wire.TLSReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCSP stapling (RFC 6066 §8, RFC 8446 §4.4.2.1) and heartbeat negotiation (RFC 6520). */
class OcspStaplingTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static byte[] ocspResponse;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeResponse() throws Exception {
        CertificateAuthority ca = CertificateAuthority.shared(KeyType.EC_P256);
        ocspResponse = OcspResponses.good(IDENTITY.leaf(), ca.certificate(), ca.keyPair(), "SHA256withECDSA");
    }

    @Test
    void serverStaplesItsResponseWhenTheClientAsks() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).requestOcspStapling(true).build(),
                "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).ocspResponse(ocspResponse).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().peerWantOcspStapling()).isTrue();
        assertThat(client.nconfig().peerOcspResponse()).isEqualTo(ocspResponse);
    }

    @Test
    void nothingIsStapledUnlessAskedFor() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).ocspResponse(ocspResponse).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().peerWantOcspStapling()).isFalse();
        assertThat(client.nconfig().peerOcspResponse()).isNull();
    }

    @Test
    void optionsBelongToTheirSide() {
        assertThatThrownBy(() -> TLSConfiguration.client().ocspResponse(new byte[] {1}).build())
                .isInstanceOf(TLSConfigurationException.class).hasMessage("ocsp_response is a server-side option");
        assertThatThrownBy(() -> Configs.server(IDENTITY).requestOcspStapling(true).build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessage("request_ocsp_stapling is a client-side option");
    }

    @Test
    void ourClientReceivesTheResponseOpenSslStaples() throws Exception {
        Path responseFile = Files.write(dir.resolve("ocsp.der"), ocspResponse);
        TLSConfiguration config = Configs.clientTrusting(IDENTITY).requestOcspStapling(true).build();
        try (OpenSslServer server = OpenSslServer.start(IDENTITY.writePem(dir), "-naccept", "1", "-rev",
                "-status_file", responseFile.toString());
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().peerOcspResponse()).isEqualTo(ocspResponse);
        }
    }

    @Test
    void openSslClientReadsTheResponseWeStaple() throws Exception {
        TLSConfiguration config = Configs.server(IDENTITY).ocspResponse(ocspResponse).build();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Boolean> served = CompletableFuture.supplyAsync(() -> {
                try (SocketConnection connection = SocketConnection.accept(listener, config)) {
                    connection.handshake();
                    connection.readUntilContains("\n", Duration.ofSeconds(10));
                    connection.write("stapled\n");
                    return connection.tls().nconfig().peerWantOcspStapling();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (ExternalProcess client = OpenSslClient.start(listener.getLocalPort(), "-CAfile",
                    IDENTITY.writePem(dir).ca().toString(), "-status")) {
                client.write("ping\n");
                assertThat(client.awaitOutput(out -> out.contains("stapled"), Duration.ofSeconds(15)))
                        .contains("OCSP Response Status: successful (0x0)")
                        .contains("Cert Status: good");
            }
            assertThat(served.get(15, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void heartbeatIsAnnouncedButNeverAllowed() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();
        byte[] fragment = Records.firstFragment(client.dataToSend());
        ClientHello hello = ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        assertThat(hello.extensions().get(ExtensionType.HEARTBEAT, HeartbeatExtension.class).mode())
                .isEqualTo(HeartbeatExtension.PEER_NOT_ALLOWED_TO_SEND);

        TLSConnection peer = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(peer, server);
        assertThat(peer.nconfig().canSendHeartbeat()).isFalse();
        assertThat(peer.nconfig().canEchoHeartbeat()).isFalse();
        assertThat(server.nconfig().canSendHeartbeat()).isFalse();
    }
}
