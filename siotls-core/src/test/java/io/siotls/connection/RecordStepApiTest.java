package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadRecordMac;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-record-per-step API an SSLEngine is built on: wrap and unwrap into caller buffers. */
class RecordStepApiTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    /** Moves every pending record of {@code from} into {@code wire}. */
    private static void wrapAll(RecordConnection from, ByteBuffer wire) {
        ByteBuffer empty = ByteBuffer.allocate(0);
        RecordStep step;
        do {
            step = from.wrap(empty, wire);
            assertThat(step.status()).isIn(RecordStep.Status.OK, RecordStep.Status.CLOSED);
        } while (step.bytesProduced() > 0);
    }

    /** Unwraps every whole record in {@code wire} into {@code app}. */
    private static void unwrapAll(RecordConnection to, ByteBuffer wire, ByteBuffer app) {
        wire.flip();
        while (wire.hasRemaining()) {
            RecordStep step = to.unwrap(wire, app);
            if (step.status() != RecordStep.Status.OK) {
                break;
            }
        }
        wire.compact();
    }

    private static RecordConnection[] handshake(ByteBuffer toServer, ByteBuffer toClient) {
        RecordConnection client = new RecordConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        RecordConnection server = new RecordConnection(Configs.server(IDENTITY).build());
        client.initiateConnection();
        server.initiateConnection();
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        for (int round = 0; round < 5 && !(client.isHandshakeComplete() && server.isHandshakeComplete()); round++) {
            wrapAll(client, toServer);
            unwrapAll(server, toServer, app);
            wrapAll(server, toClient);
            unwrapAll(client, toClient, app);
        }
        assertThat(app.position()).isZero();
        return new RecordConnection[] {client, server};
    }

    @Test
    void handshakeAndDataOneRecordAtATime() {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        RecordConnection[] pair = handshake(toServer, toClient);
        assertThat(pair[0].isHandshakeComplete()).isTrue();
        assertThat(pair[1].isHandshakeComplete()).isTrue();
        assertThat(pair[0].hasDataToSend()).isFalse();

        byte[] message = new byte[40_000];
        new Random(3).nextBytes(message);
        ByteBuffer source = ByteBuffer.wrap(message);
        int records = 0;
        while (source.hasRemaining()) {
            RecordStep step = pair[0].wrap(source, toServer);
            assertThat(step.status()).isEqualTo(RecordStep.Status.OK);
            assertThat(step.bytesConsumed()).isLessThanOrEqualTo(1 << 14);
            records++;
        }
        assertThat(records).isEqualTo(3);
        ByteBuffer received = ByteBuffer.allocate(message.length + 1);
        unwrapAll(pair[1], toServer, received);
        assertThat(received.position()).isEqualTo(message.length);
        assertThat(java.util.Arrays.equals(received.array(), 0, message.length, message, 0, message.length))
                .as("the bytes received are the bytes sent").isTrue();
    }

    @Test
    void reportsWhatIsMissing() {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        RecordConnection[] pair = handshake(toServer, toClient);
        pair[0].wrap(ByteBuffer.wrap(new byte[1000]), toServer);
        toServer.flip();
        ByteBuffer partial = toServer.slice().limit(100);
        assertThat(pair[1].unwrap(partial, ByteBuffer.allocate(2000)))
                .isEqualTo(new RecordStep(RecordStep.Status.NEED_MORE_INPUT, 0, 0, 5 + 1000 + 1 + 16));
        RecordStep tooSmall = pair[1].unwrap(toServer, ByteBuffer.allocate(10));
        assertThat(tooSmall.status()).isEqualTo(RecordStep.Status.BUFFER_TOO_SMALL);
        assertThat(tooSmall.bytesNeeded()).isGreaterThanOrEqualTo(1000);
        assertThat(toServer.position()).isZero();
        ByteBuffer app = ByteBuffer.allocate(2000);
        assertThat(pair[1].unwrap(toServer, app).bytesProduced()).isEqualTo(1000);

        RecordStep noRoom = pair[0].wrap(ByteBuffer.wrap(new byte[1000]), ByteBuffer.allocate(100));
        assertThat(noRoom.status()).isEqualTo(RecordStep.Status.BUFFER_TOO_SMALL);
        assertThat(noRoom.bytesNeeded()).isEqualTo(5 + 1000 + 1 + 16);
    }

    @Test
    void closeNotifyClosesEachDirection() {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        RecordConnection[] pair = handshake(toServer, toClient);
        pair[0].closeSendingEnd();
        assertThat(pair[0].hasDataToSend()).isTrue();
        wrapAll(pair[0], toServer);
        assertThat(pair[0].wrap(ByteBuffer.wrap(new byte[1]), toServer).status()).isEqualTo(RecordStep.Status.CLOSED);
        unwrapAll(pair[1], toServer, ByteBuffer.allocate(100));
        assertThat(pair[1].isReceivingOpen()).isFalse();
        assertThat(pair[1].unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(0)).status())
                .isEqualTo(RecordStep.Status.CLOSED);
    }

    @Test
    void aTamperedRecordFailsAndTheAlertIsWrappedNext() {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        RecordConnection[] pair = handshake(toServer, toClient);
        pair[0].wrap(ByteBuffer.wrap(new byte[10]), toServer);
        toServer.put(toServer.position() - 1, (byte) (toServer.get(toServer.position() - 1) ^ 1));
        toServer.flip();
        assertThatThrownBy(() -> pair[1].unwrap(toServer, ByteBuffer.allocate(100))).isInstanceOf(BadRecordMac.class);
        assertThat(pair[1].hasDataToSend()).isTrue();
        ByteBuffer alert = ByteBuffer.allocate(100);
        assertThat(pair[1].wrap(ByteBuffer.allocate(0), alert).bytesProduced()).isEqualTo(5 + 2 + 1 + 16);
        alert.flip();
        assertThatThrownBy(() -> pair[0].unwrap(alert, ByteBuffer.allocate(100)))
                .isInstanceOf(BadRecordMac.class)
                .hasMessageContaining("received fatal alert bad_record_mac");
    }

    /**
     * A record that fails authentication releases nothing: nothing is consumed or produced, the
     * caller's buffer is as it was except where the record would have been opened, which is
     * zeroed whatever the AEAD left there, and the connection is dead: the genuine record that
     * follows is not opened.
     */
    @Test
    void aTamperedRecordReleasesNothingAndTheGenuineRecordAfterItIsRefused() {
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        RecordConnection[] pair = handshake(toServer, toClient);
        byte[] secret = new byte[300];
        java.util.Arrays.fill(secret, (byte) 's');
        pair[0].wrap(ByteBuffer.wrap(secret), toServer);
        int recordLength = toServer.position();
        pair[0].wrap(ByteBuffer.wrap(secret), toServer);
        toServer.put(recordLength - 1, (byte) (toServer.get(recordLength - 1) ^ 1));
        toServer.flip();
        ByteBuffer app = ByteBuffer.allocate(1000);
        java.util.Arrays.fill(app.array(), (byte) 0x5a);
        app.position(10);

        assertThatThrownBy(() -> pair[1].unwrap(toServer, app)).isInstanceOf(BadRecordMac.class);

        assertThat(toServer.position()).as("nothing consumed").isZero();
        assertThat(app.position()).as("nothing produced").isEqualTo(10);
        assertThat(java.util.Arrays.copyOfRange(app.array(), 0, 10)).containsOnly(0x5a);
        int innerPlaintextLength = recordLength - 5 - 16;
        assertThat(java.util.Arrays.copyOfRange(app.array(), 10, 10 + innerPlaintextLength))
                .as("where the record would have been opened: erased").containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(app.array(), 10 + innerPlaintextLength, app.capacity()))
                .containsOnly(0x5a);
        assertThat(pair[1].isConnected()).isFalse();

        toServer.position(recordLength);
        RecordStep next = pair[1].unwrap(toServer, app);

        assertThat(next.status()).isEqualTo(RecordStep.Status.CLOSED);
        assertThat(next.bytesProduced()).isZero();
        assertThat(toServer.position()).isEqualTo(recordLength);
        assertThat(app.position()).isEqualTo(10);
    }
}
