package io.siotls;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.iana.NamedGroup;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import io.siotls.messages.ServerHello;
import io.siotls.wire.TLSReader;
import org.junit.jupiter.api.Test;

/** HelloRetryRequest (RFC 8446 §4.1.4) between our client and our server. */
class HelloRetryRequestTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    @Test
    void clientWhoseShareTheServerDoesNotWantStillConnects() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY)
                .keyExchanges(NamedGroup.SECP384R1).build());
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        byte[] retry = server.dataToSend();
        byte[] fragment = Records.firstFragment(retry);
        assertThat(ServerHello.parse(new TLSReader(fragment, 4, fragment.length - 4)).isHelloRetryRequest()).isTrue();
        client.receiveData(retry);
        for (int round = 0; round < 4; round++) {
            MemoryPipe.transfer(client, server);
            MemoryPipe.transfer(server, client);
        }
        assertThat(client.isConnected()).isTrue();
        assertThat(server.isConnected()).isTrue();
        assertThat(client.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
        client.sendData(new byte[] {42});
        MemoryPipe.transfer(client, server);
        assertThat(server.dataToRead()).containsExactly(42);
    }

    @Test
    void noGroupInCommonIsHandshakeFailure() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY)
                .keyExchanges(NamedGroup.SECP384R1).build());
        client.initiateConnection();
        server.initiateConnection();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.receiveData(client.dataToSend()))
                .isInstanceOf(io.siotls.alerts.HandshakeFailure.class)
                .hasMessageContaining("no key exchange group in common");
    }

    @Test
    void preferredGroupWithoutShareIsNotWorthARoundTrip() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP256R1).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY)
                .keyExchanges(NamedGroup.SECP256R1, NamedGroup.X25519).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().keyExchange()).isEqualTo(NamedGroup.X25519);
    }
}
