package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.HandshakeClosedByPeer;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.AlertLevel;
import io.siotls.iana.ContentType;
import io.siotls.record.AlertRecord;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import org.junit.jupiter.api.Test;

/**
 * RFC 8446 §6.1: a close_notify promises that nothing more will come, so one received before the
 * handshake completed ends the handshake: the connection raises {@link HandshakeClosedByPeer},
 * answers with its own close_notify (no error alert: the peer did nothing wrong), and reports
 * itself past the handshake, so that no driver loop keeps waiting for the rest of the flight.
 */
class PeerCloseDuringHandshakeTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final byte[] CLOSE_NOTIFY = Records.plaintext(ContentType.ALERT,
            AlertRecord.of(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY).toBytes());

    @Test
    void aServerWaitingForTheClientFinishedEndsOnAPlaintextCloseNotify() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        assertThat(server.dataToSend()).as("the server's flight").isNotEmpty();

        assertThatThrownBy(() -> server.receiveData(CLOSE_NOTIFY)).isInstanceOf(HandshakeClosedByPeer.class)
                .hasMessageContaining("close_notify before the handshake completed");

        assertThat(server.isPostHandshake()).isTrue();
        assertThat(server.isHandshakeComplete()).isFalse();
        assertThat(server.isReceivingOpen()).isFalse();
        assertThat(server.isSendingOpen()).isFalse();
        assertThat(server.isCloseNotifyReceived()).isTrue();
        byte[] answer = server.dataToSend();
        assertThat(answer).as("one protected record: the server's close_notify under its handshake keys")
                .hasSize(5 + 2 + 1 + 16);
        assertThat(answer[0]).isEqualTo((byte) ContentType.APPLICATION_DATA.code());
        assertThatThrownBy(() -> server.receiveData(new byte[] {22})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClientWaitingForTheServerFlightEndsOnAPlaintextCloseNotifyWithAPlaintextOne() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        client.initiateConnection();
        client.dataToSend();

        assertThatThrownBy(() -> client.receiveData(CLOSE_NOTIFY)).isInstanceOf(HandshakeClosedByPeer.class);

        assertThat(client.isPostHandshake()).isTrue();
        assertThat(client.dataToSend()).as("the client has no keys yet: its close_notify is plaintext")
                .containsExactly(CLOSE_NOTIFY);
    }
}
