package io.siotls.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.DecodeError;
import io.siotls.alerts.UnexpectedMessage;
import io.siotls.iana.HandshakeType;
import io.siotls.messages.EndOfEarlyData;
import org.junit.jupiter.api.Test;

/**
 * The server's side of accepted early data, fed hostile input (RFC 8446 §4.2.10, §4.5): more early
 * data than the ticket's max_early_data_size, a Finished (or any other message) before
 * EndOfEarlyData, an EndOfEarlyData with a body. None of these reaches the next state, so the state
 * is built without one.
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
    void anEndOfEarlyDataIsEmpty() {
        assertThat(new EndOfEarlyData().toBytes())
                .containsExactly(HandshakeType.END_OF_EARLY_DATA.code(), 0, 0, 0);
    }
}
