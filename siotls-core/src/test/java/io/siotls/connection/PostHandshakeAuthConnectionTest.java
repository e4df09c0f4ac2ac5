package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ClientAuthentication;
import io.siotls.ConnectionOptions;
import io.siotls.LruClientSessionCache;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.TLSAlertException;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Post-handshake client authentication (RFC 8446 §4.6.2) through the Sans-IO connection: records
 * protected under the application keys, application data flowing in both directions around the
 * exchange, and a failed answer ending the connection with its alert on both sides.
 */
class PostHandshakeAuthConnectionTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.ED25519);

    private static TLSConnection server() {
        return new TLSConnection(Configs.server(SERVER).truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
                .clientAuthentication(ClientAuthentication.NONE).build());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void applicationDataFlowsAroundTheExchangeAndTheServerThenKnowsTheClient() {
        TLSConfiguration clientConfig = Configs.clientTrusting(SERVER).privateKey(CLIENT.privateKey())
                .certificateChain(CLIENT.chain()).build();
        TLSConnection client = new TLSConnection(clientConfig, "localhost");
        TLSConnection server = server();
        MemoryPipe.handshake(client, server);
        MemoryPipe.transfer(server, client);

        server.requestClientCertificate(true);
        server.sendData(ascii("after the request"));
        client.sendData(ascii("sent before the request arrived"));
        byte[] clientEarly = client.dataToSend();
        client.receiveData(server.dataToSend());
        assertThat(new String(client.dataToRead(), StandardCharsets.US_ASCII)).isEqualTo("after the request");
        client.sendData(ascii("after the answer"));

        server.receiveData(clientEarly);
        assertThat(new String(server.dataToRead(), StandardCharsets.US_ASCII))
                .isEqualTo("sent before the request arrived");
        assertThat(server.nconfig().peerCertificateChain()).isEmpty();
        server.receiveData(client.dataToSend());
        assertThat(new String(server.dataToRead(), StandardCharsets.US_ASCII)).isEqualTo("after the answer");
        assertThat(server.nconfig().peerCertificateChain()).isEqualTo(CLIENT.chain());
        assertThat(server.isConnected()).isTrue();
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aResumedConnectionAnswersARequestToo() {
        TLSConfiguration clientConfig = Configs.clientTrusting(SERVER).privateKey(CLIENT.privateKey())
                .certificateChain(CLIENT.chain()).build();
        TLSConfiguration serverConfig = Configs.server(SERVER).truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
                .clientAuthentication(ClientAuthentication.NONE).build();
        ConnectionOptions options = ConnectionOptions.builder().serverName("localhost").verificationHostname("localhost")
                .sessionCache(new LruClientSessionCache(10, Duration.ZERO), "localhost", 443).build();
        TLSConnection first = new TLSConnection(clientConfig, options);
        TLSConnection firstServer = new TLSConnection(serverConfig);
        MemoryPipe.handshake(first, firstServer);
        MemoryPipe.transfer(firstServer, first);
        TLSConnection client = new TLSConnection(clientConfig, options);
        TLSConnection server = new TLSConnection(serverConfig);
        MemoryPipe.handshake(client, server);
        MemoryPipe.transfer(server, client);
        assertThat(server.nconfig().resumed()).isTrue();
        assertThat(client.nconfig().resumed()).isTrue();

        server.requestClientCertificate(true);
        client.receiveData(server.dataToSend());
        server.receiveData(client.dataToSend());

        assertThat(server.nconfig().peerCertificateChain()).isEqualTo(CLIENT.chain());
        assertThat(server.isConnected()).isTrue();
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aRequestBeforeTheHandshakeCompletedIsRefusedWithoutFailingTheConnection() {
        TLSConnection server = server();
        server.initiateConnection();
        assertThatThrownBy(() -> server.requestClientCertificate(true)).isInstanceOf(IllegalStateException.class);
        assertThat(server.isFailed()).isFalse();
    }

    @Test
    void aClientWithoutAMatchingCertificateIsRefusedWithCertificateRequiredOnBothSides() {
        Identity stranger = TestPki.client(KeyType.EC_P256);
        TLSConnection client = new TLSConnection(Configs.clientTrusting(SERVER).privateKey(stranger.privateKey())
                .certificateChain(stranger.chain()).build(), "localhost");
        TLSConnection server = server();
        MemoryPipe.handshake(client, server);
        MemoryPipe.transfer(server, client);
        server.requestClientCertificate(true);
        client.receiveData(server.dataToSend());
        assertThatThrownBy(() -> server.receiveData(client.dataToSend())).isInstanceOf(CertificateRequired.class);
        assertThat(server.isFailed()).isTrue();
        assertThatThrownBy(() -> client.receiveData(server.dataToSend()))
                .isInstanceOf(CertificateRequired.class)
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isTrue());
    }
}
