package io.siotls.connection;

import io.siotls.TLSConfiguration;
import io.siotls.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.UnexpectedMessage;
import io.siotls.iana.AlertDescription;
import io.siotls.iana.ContentType;
import io.siotls.testing.SteppingClock;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import org.junit.jupiter.api.Test;

/**
 * Each of {@link Limits}: a peer that floods records carrying nothing, KeyUpdates, warnings or
 * change_cipher_spec, sends an oversized message or chain, or an application that does not read,
 * ends the connection with the alert the limit names.
 */
class ReceiveLimitsTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    private static TLSConnection[] connected() {
        return connected(Limits.DEFAULTS);
    }

    private static TLSConnection[] connected(Limits serverLimits) {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).limits(serverLimits).build());
        MemoryPipe.handshake(client, server);
        return new TLSConnection[] {client, server};
    }

    @Test
    void floodOfKeyUpdatesIsCutOff() {
        TLSConnection[] pair = connected();
        for (int i = 0; i < Limits.DEFAULTS.maxKeyUpdates(); i++) {
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
        for (int i = 0; i < 3 * Limits.DEFAULTS.maxKeyUpdates(); i++) {
            pair[0].updateKeys(false);
            pair[0].sendData(new byte[] {(byte) i});
            MemoryPipe.transfer(pair[0], pair[1]);
        }
        assertThat(pair[1].dataToRead()).hasSize(3 * Limits.DEFAULTS.maxKeyUpdates());
        assertThat(pair[1].isConnected()).isTrue();
    }

    @Test
    void floodOfEmptyApplicationDataRecordsIsCutOff() {
        TLSConnection[] pair = connected();
        for (int i = 0; i < Limits.DEFAULTS.maxEmptyRecords(); i++) {
            pair[0].sendData(new byte[0]);
        }
        pair[1].receiveData(pair[0].dataToSend());
        pair[0].sendData(new byte[0]);
        byte[] oneTooMany = pair[0].dataToSend();
        assertThatThrownBy(() -> pair[1].receiveData(oneTooMany))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("more than 32 consecutive records carrying nothing (empty application_data)");
    }

    private static final byte[] CHANGE_CIPHER_SPEC = Records.plaintext(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1});
    private static final byte[] USER_CANCELED = Records.plaintext(ContentType.ALERT, new byte[] {1, 90});

    @Test
    void aSecondChangeCipherSpecDuringTheHandshakeIsCutOff() {
        TLSConnection[] pair = midHandshake(Limits.DEFAULTS);
        pair[1].receiveData(CHANGE_CIPHER_SPEC);

        assertThatThrownBy(() -> pair[1].receiveData(CHANGE_CIPHER_SPEC))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("more than 1 change_cipher_spec records, limits.max_change_cipher_spec_records");
        assertThat(alertSeenBy(pair[0], pair[1])).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void changeCipherSpecRecordsUpToTheConfiguredLimitAreDropped() {
        TLSConnection[] pair = midHandshake(Limits.DEFAULTS.withMaxChangeCipherSpecRecords(3));
        for (int i = 0; i < 3; i++) {
            pair[1].receiveData(CHANGE_CIPHER_SPEC);
        }
        assertThat(pair[1].isFailed()).isFalse();
        assertThatThrownBy(() -> pair[1].receiveData(CHANGE_CIPHER_SPEC)).isInstanceOf(UnexpectedMessage.class);
    }

    @Test
    void userCanceledWarningsPastTheLimitAreCutOff() {
        TLSConnection[] pair = midHandshake(Limits.DEFAULTS.withMaxWarningAlerts(2));
        pair[1].receiveData(USER_CANCELED);
        pair[1].receiveData(USER_CANCELED);
        assertThat(pair[1].isFailed()).isFalse();

        assertThatThrownBy(() -> pair[1].receiveData(USER_CANCELED))
                .isInstanceOf(UnexpectedMessage.class)
                .hasMessageContaining("more than 2 user_canceled alerts, limits.max_warning_alerts");
        assertThat(alertSeenBy(pair[0], pair[1])).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
    }

    @Test
    void unreadApplicationDataPastTheLimitEndsTheConnectionWithInternalErrorAndIsDropped() {
        TLSConnection[] pair = connected(Limits.DEFAULTS.withMaxBufferedApplicationData(1 << 15));
        pair[0].sendData(new byte[1 << 15]);
        pair[1].receiveData(pair[0].dataToSend());
        assertThat(pair[1].dataToReadLength()).isEqualTo(1 << 15);

        pair[0].sendData(new byte[] {1});
        byte[] oneByteTooMany = pair[0].dataToSend();
        assertThatThrownBy(() -> pair[1].receiveData(oneByteTooMany))
                .isInstanceOf(io.siotls.alerts.InternalErrorAlert.class)
                .hasMessageContaining("limits.max_buffered_application_data");
        assertThat(pair[1].dataToReadLength()).isZero();
        assertThat(alertSeenBy(pair[0], pair[1])).isEqualTo(AlertDescription.INTERNAL_ERROR);
    }

    @Test
    void readingInTimeKeepsUnderTheApplicationDataLimit() {
        TLSConnection[] pair = connected(Limits.DEFAULTS.withMaxBufferedApplicationData(1 << 15));
        for (int i = 0; i < 8; i++) {
            pair[0].sendData(new byte[1 << 14]);
            pair[1].receiveData(pair[0].dataToSend());
            assertThat(pair[1].dataToRead()).hasSize(1 << 14);
        }
        assertThat(pair[1].isConnected()).isTrue();
    }

    @Test
    void aHandshakeMessageOverTheLimitIsIllegalParameter() {
        TLSConfiguration client = Configs.clientTrusting(IDENTITY)
                .limits(Limits.DEFAULTS.withMaxHandshakeMessageLength(1024)).build();
        TLSConnection clientConnection = new TLSConnection(client, "localhost");
        clientConnection.initiateConnection();
        byte[] hugeServerHello = Records.plaintext(ContentType.HANDSHAKE, new byte[] {2, 0, 8, 0});

        assertThatThrownBy(() -> clientConnection.receiveData(hugeServerHello))
                .isInstanceOf(io.siotls.alerts.IllegalParameter.class)
                .hasMessageContaining("2048");
        assertThat(Records.plaintextAlert(clientConnection.dataToSend()))
                .isEqualTo(AlertDescription.ILLEGAL_PARAMETER.code());
    }

    @Test
    void aClientHelloOfAnyLegalSizeIsAcceptedWhateverTheLimit() {
        TLSConfiguration server = Configs.server(IDENTITY)
                .limits(Limits.DEFAULTS.withMaxHandshakeMessageLength(1024)).build();
        TLSConnection serverConnection = new TLSConnection(server);
        serverConnection.initiateConnection();
        byte[] header = {1, 0x01, 0x00, 0x00};

        serverConnection.receiveData(Records.plaintext(ContentType.HANDSHAKE, header));

        assertThat(serverConnection.dataToSend()).as("no alert: the rest of a 64 KiB ClientHello may follow").isEmpty();
        assertThat(serverConnection.isPostHandshake()).isFalse();
    }

    @Test
    void aCertificateChainLongerThanTheLimitIsBadCertificate() {
        Identity withIntermediate = TestPki.builder().withIntermediate().build();
        TLSConnection client = new TLSConnection(Configs.clientTrusting(withIntermediate)
                .limits(Limits.DEFAULTS.withMaxCertificateChainLength(1)).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(withIntermediate).build());

        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        byte[] serverFlight = server.dataToSend();

        assertThatThrownBy(() -> client.receiveData(serverFlight))
                .isInstanceOf(io.siotls.alerts.BadCertificate.class)
                .hasMessageContaining("holds 2 certificates, more than limits.max_certificate_chain_length (1)");
        assertThat(alertSeenBy(server, client)).isEqualTo(AlertDescription.BAD_CERTIFICATE);
    }

    @Test
    void outOfRangeLimitsNameTheOption() {
        assertThatThrownBy(() -> Limits.DEFAULTS.withMaxCertificateChainLength(0))
                .isInstanceOf(io.siotls.alerts.TLSConfigurationException.class)
                .hasMessage("limits.max_certificate_chain_length must be within [1, 1000], got 0");
        assertThatThrownBy(() -> Limits.DEFAULTS.withMaxHandshakeMessageLength(1 << 24))
                .hasMessageContaining("limits.max_handshake_message_length");
    }

    /**
     * A client that got the server's whole flight, and a server (with {@code limits}) still waiting
     * for the client's Finished, which is not delivered.
     */
    private static TLSConnection[] midHandshake(Limits limits) {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).limits(limits).build());
        client.initiateConnection();
        server.initiateConnection();
        server.receiveData(client.dataToSend());
        client.receiveData(server.dataToSend());
        return new TLSConnection[] {client, server};
    }

    /** The alert {@code peer} gets when it reads what the failed connection sent last. */
    private static AlertDescription alertSeenBy(TLSConnection peer, TLSConnection failed) {
        byte[] alert = failed.dataToSend();
        try {
            peer.receiveData(alert);
        } catch (io.siotls.alerts.TLSAlertException received) {
            assertThat(received.isRemote()).isTrue();
            return received.description();
        }
        throw new AssertionError("the peer got no alert from " + alert.length + " bytes");
    }

    private static TLSConnection serverWithTwoSecondHandshakes(java.time.Clock clock) {
        return new TLSConnection(Configs.server(IDENTITY)
                .limits(Limits.DEFAULTS.withMaxHandshakeDuration(java.time.Duration.ofSeconds(2))).build(),
                null, io.siotls.handshake.Entropy.secure(), clock, java.util.function.UnaryOperator.identity());
    }

    /**
     * A client trickling its flight past limits.max_handshake_duration is shed at its next bytes:
     * user_canceled then close_notify, both warnings (RFC 8446 §6.1).
     */
    @Test
    void aHandshakeOverItsDurationIsAbandonedWithUserCanceledThenCloseNotify() {
        SteppingClock clock = new SteppingClock(java.time.Instant.parse("2026-12-02T12:00:00Z"));
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = serverWithTwoSecondHandshakes(clock);
        client.initiateConnection();
        server.initiateConnection();
        byte[] hello = client.dataToSend();
        server.receiveData(hello, 0, 10);
        clock.advance(java.time.Duration.ofMillis(2001));

        assertThatThrownBy(() -> server.receiveData(hello, 10, hello.length - 10))
                .isInstanceOf(io.siotls.alerts.UserCanceled.class)
                .hasMessageContaining("longer than limits.max_handshake_duration (PT2S)");
        assertThat(server.dataToSend()).containsExactly(21, 3, 3, 0, 2, 1, 90, 21, 3, 3, 0, 2, 1, 0);
        assertThat(server.isFailed()).isTrue();
    }

    @Test
    void aHandshakeWithinItsDurationIsUntouched() {
        SteppingClock clock = new SteppingClock(java.time.Instant.parse("2026-12-02T12:00:00Z"));
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
        TLSConnection server = serverWithTwoSecondHandshakes(clock);
        client.initiateConnection();
        server.initiateConnection();
        clock.advance(java.time.Duration.ofMillis(1999));
        MemoryPipe.transfer(client, server);
        MemoryPipe.transfer(server, client);
        MemoryPipe.transfer(client, server);
        assertThat(server.isConnected()).isTrue();
        clock.advance(java.time.Duration.ofHours(1));

        client.sendData(new byte[] {7});
        server.receiveData(client.dataToSend());
        assertThat(server.dataToRead()).containsExactly(7);
    }
}
