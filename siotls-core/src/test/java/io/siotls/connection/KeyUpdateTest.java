package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import org.junit.jupiter.api.Test;

/** KeyUpdate, RFC 8446 §4.6.3, between our client and our server. */
class KeyUpdateTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.ED25519);

    @Test
    void requestedUpdateIsAnsweredAndTrafficContinues() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);

        client.updateKeys(true);
        client.sendData(new byte[] {1});
        MemoryPipe.transfer(client, server);
        assertThat(server.dataToRead()).containsExactly(1);
        byte[] answer = server.dataToSend();
        assertThat(answer).as("the server answers with its own KeyUpdate").isNotEmpty();
        client.receiveData(answer);

        server.sendData(new byte[] {2});
        MemoryPipe.transfer(server, client);
        assertThat(client.dataToRead()).containsExactly(2);
        client.sendData(new byte[] {3});
        MemoryPipe.transfer(client, server);
        assertThat(server.dataToRead()).containsExactly(3);
    }

    @Test
    void updateBeforeTheHandshakeIsRefused() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();
        assertThatThrownBy(() -> client.updateKeys(false)).isInstanceOf(IllegalStateException.class);
    }
}
