package io.siotls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.UnexpectedMessage;
import io.siotls.iana.ContentType;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import org.junit.jupiter.api.Test;

/** A peer that floods records carrying nothing, or KeyUpdates, is cut off with unexpected_message. */
class ReceiveLimitsTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    private static TLSConnection[] connected() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        MemoryPipe.handshake(client, server);
        return new TLSConnection[] {client, server};
    }

    @Test
    void floodOfKeyUpdatesIsCutOff() {
        TLSConnection[] pair = connected();
        for (int i = 0; i < ReceiveLimits.MAX_KEY_UPDATES; i++) {
            pair[0].updateKeys(false);
            MemoryPipe.transfer(pair[0], pair[1]);
        }
        pair[0].updateKeys(false);
        byte[] oneTooMany = pair[0].dataToSend();
        assertThatThrownBy(() -> pair[1].receiveData(oneTooMany))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("more than 32 KeyUpdate messages");
    }

    @Test
    void keyUpdatesInterleavedWithDataAreFine() {
        TLSConnection[] pair = connected();
        for (int i = 0; i < 3 * ReceiveLimits.MAX_KEY_UPDATES; i++) {
            pair[0].updateKeys(false);
            pair[0].sendData(new byte[] {(byte) i});
            MemoryPipe.transfer(pair[0], pair[1]);
        }
        assertThat(pair[1].dataToRead()).hasSize(3 * ReceiveLimits.MAX_KEY_UPDATES);
        assertThat(pair[1].isConnected()).isTrue();
    }

    @Test
    void floodOfEmptyApplicationDataRecordsIsCutOff() {
        TLSConnection[] pair = connected();
        for (int i = 0; i < ReceiveLimits.MAX_EMPTY_RECORDS; i++) {
            pair[0].sendData(new byte[0]);
        }
        pair[1].receiveData(pair[0].dataToSend());
        pair[0].sendData(new byte[0]);
        byte[] oneTooMany = pair[0].dataToSend();
        assertThatThrownBy(() -> pair[1].receiveData(oneTooMany))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("more than 32 consecutive records carrying nothing (empty application_data)");
    }

    @Test
    void floodOfChangeCipherSpecDuringTheHandshakeIsCutOff() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        byte[] changeCipherSpec = Records.plaintext(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
        for (int i = 0; i < ReceiveLimits.MAX_EMPTY_RECORDS; i++) {
            server.receiveData(changeCipherSpec);
        }
        assertThatThrownBy(() -> server.receiveData(changeCipherSpec))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("change_cipher_spec");
    }
}
