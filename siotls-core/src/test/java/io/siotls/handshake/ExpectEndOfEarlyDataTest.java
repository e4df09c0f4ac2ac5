package io.siotls.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ConnectionOptions;
import io.siotls.alerts.DecodeError;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.iana.HandshakeType;
import io.siotls.messages.EndOfEarlyData;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The server's side of accepted early data, fed hostile input (RFC 8446 §4.2.10, §4.5): more early
 * data than the ticket's max_early_data_size, a Finished (or any other message) before
 * EndOfEarlyData, an EndOfEarlyData with a body (none of these reaches the next state, so the state
 * is built without one), and an EndOfEarlyData to a server that accepted no early data.
 */
class ExpectEndOfEarlyDataTest {

    private static ExpectEndOfEarlyData expecting(long maxEarlyData) {
        return new ExpectEndOfEarlyData(null, null, null, new byte[32], maxEarlyData, null);
    }

    @Test
    void earlyDataUpToMaxEarlyDataSizeIsCountedThenUnexpectedMessage() {
        ExpectEndOfEarlyData state = expecting(100);
        assertThatCode(() -> {
            state.receiveEarlyData(60);
            state.receiveEarlyData(40);
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> state.receiveEarlyData(1)).isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("101 bytes of early data").hasMessageContaining("max_early_data_size of 100");
    }

    @Test
    void aFinishedBeforeEndOfEarlyDataIsUnexpectedMessage() {
        byte[] finished = {(byte) HandshakeType.FINISHED.code(), 0, 0, 32, 1, 2, 3};
        assertThatThrownBy(() -> expecting(100).handle(HandshakeType.FINISHED.code(), finished))
                .isInstanceOf(UnexpectedMessage.class).hasMessageContaining("waiting for end_of_early_data");
    }

    @Test
    void anEndOfEarlyDataWithABodyIsRefused() {
        byte[] withBody = {(byte) HandshakeType.END_OF_EARLY_DATA.code(), 0, 0, 1, 0};
        assertThatThrownBy(() -> expecting(100).handle(HandshakeType.END_OF_EARLY_DATA.code(), withBody))
                .isInstanceOf(DecodeError.class);
    }

    @Test
    void anEndOfEarlyDataToAServerThatAcceptedNoEarlyDataIsUnexpectedMessage() {
        Identity identity = TestPki.server(KeyType.EC_P256);
        MessageWire clientSide = new MessageWire();
        MessageWire serverSide = new MessageWire();
        Handshake client = new ClientHandshake(new ConnectionPolicy(Configs.clientTrusting(identity).build(),
                ConnectionOptions.forHost("localhost")), Entropy.secure(), clientSide, Clock.systemUTC(),
                UnaryOperator.identity());
        Handshake server = new ServerHandshake(new ConnectionPolicy(Configs.server(identity).maxEarlyData(1024).build(),
                ConnectionOptions.none()), Entropy.secure(), serverSide, Clock.systemUTC(), 1024);
        server.start();
        client.start();
        clientSide.deliverTo(server);
        assertThat(server.readsEarlyData()).isFalse();

        assertThatThrownBy(() -> server.receive(HandshakeType.END_OF_EARLY_DATA.code(), new EndOfEarlyData().toBytes()))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("received end_of_early_data while waiting for finished");
        assertThatThrownBy(() -> server.receiveEarlyData(10)).as("application data before the handshake completed")
                .isInstanceOf(UnexpectedMessage.class);
    }

    @Test
    void anEndOfEarlyDataIsEmpty() {
        assertThat(new EndOfEarlyData().toBytes())
                .containsExactly(HandshakeType.END_OF_EARLY_DATA.code(), 0, 0, 0);
    }
}
