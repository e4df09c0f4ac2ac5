package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.NoApplicationProtocol;
import io.siotls.alerts.TLSAlertException;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.ExtensionType;
import io.siotls.messages.ClientHello;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import io.siotls.wire.TLSReader;
import org.junit.jupiter.api.Test;

/** What the two sides agree on, and who decides (the server, as in siotls). */
class NegotiationTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    @Test
    void theServersCipherSuitePreferenceDecides() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).cipherSuites(
                CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).cipherSuites(
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_GCM_SHA256).build());
        MemoryPipe.handshake(client, server);
        assertThat(client.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
    }

    /** By default AES-GCM, hardware-backed on the JVM, wins over a client's ChaCha20 preference. */
    @Test
    void aDefaultServerPrefersAesGcm() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).cipherSuites(
                CipherSuite.TLS_CHACHA20_POLY1305_SHA256, CipherSuite.TLS_AES_128_GCM_SHA256,
                CipherSuite.TLS_AES_256_GCM_SHA384).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_256_GCM_SHA384);
    }

    @Test
    void noApplicationProtocolInCommonIsNoApplicationProtocol() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).alpn("h2").build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).alpn("http/1.1").build());
        client.initiateConnection();
        server.initiateConnection();
        assertThatThrownBy(() -> server.receiveData(client.dataToSend()))
                .isInstanceOf(NoApplicationProtocol.class)
                .hasMessageContaining("no application protocol in common");
        assertThatThrownBy(() -> client.receiveData(server.dataToSend()))
                .isInstanceOf(NoApplicationProtocol.class)
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isTrue());
    }

    @Test
    void alpnIsOnlyNegotiatedWhenBothSidesHaveIt() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).alpn("h2").build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        assertThat(client.nconfig().alpn()).isNull();
        assertThat(server.nconfig().alpn()).isNull();
    }

    @Test
    void sniIsSentForHostNamesButNotForIpLiterals() {
        for (String host : new String[] {"127.0.0.1", "::1", "[::1]"}) {
            TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), host);
            client.initiateConnection();
            byte[] fragment = Records.firstFragment(client.dataToSend());
            ClientHello hello = ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
            assertThat(hello.extensions().contains(ExtensionType.SERVER_NAME)).as(host).isFalse();
        }
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "LocalHost.");
        client.initiateConnection();
        byte[] fragment = Records.firstFragment(client.dataToSend());
        ClientHello hello = ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
        assertThat(hello.extensions().get(ExtensionType.SERVER_NAME, ServerNameExtension.class).hostName())
                .isEqualTo("LocalHost");
    }

    @Test
    void ipLiteralIsVerifiedAgainstTheCertificatesIpAddresses() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "127.0.0.1");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        assertThat(client.isConnected()).isTrue();
        assertThat(server.nconfig().serverName()).isNull();

        TLSConnection wrong = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "127.0.0.2");
        TLSConnection other = new TLSConnection(Configs.server(IDENTITY).build());
        assertThatThrownBy(() -> MemoryPipe.handshake(wrong, other))
                .isInstanceOf(io.siotls.alerts.BadCertificate.class)
                .hasMessageContaining("127.0.0.2");
    }
}
