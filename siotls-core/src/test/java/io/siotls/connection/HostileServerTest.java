package io.siotls.connection;

import io.siotls.Limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.siotls.alerts.HandshakeClosedByPeer;
import io.siotls.alerts.TLSAlertException;
import io.siotls.handshake.Entropy;
import io.siotls.iana.AlertDescription;
import io.siotls.testing.SteppingClock;
import io.siotls.testing.Configs;
import io.siotls.testing.HostileServer;
import io.siotls.testing.HostileServers;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.ServerFlight;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Our Sans-IO client against hostile servers ({@link HostileServers}), as tlsfuzzer sets hostile
 * clients on servers: each case gets the alert RFC 8446 prescribes, raised and sent (or, for the
 * server's own fatal alert, raised and not answered), and leaves the connection closed: no further
 * bytes are accepted, nothing more is sent. The socket side is {@code jsse/HostileServerSocketTest}.
 */
class HostileServerTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final HostileServers SERVERS = new HostileServers(IDENTITY);
    /** Everything here is computation in memory: a loop that does not end is caught well before this. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static TLSConnection client() {
        return new TLSConnection(Configs.clientTrusting(IDENTITY).build(), "localhost");
    }

    /** Runs {@code script} against a fresh client and checks what the client did about it. */
    private static void run(HostileServer script) {
        TLSConnection client = client();
        assertTimeoutPreemptively(BOUND, () -> {
            client.initiateConnection();
            byte[] flight = client.dataToSend();
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            RuntimeException raised = null;
            for (HostileServer.Step step : script.steps()) {
                byte[] answer = step.answer(flight, script);
                try {
                    client.receiveData(answer);
                } catch (RuntimeException e) {
                    raised = e;
                }
                flight = client.dataToSend();
                sent.reset();
                sent.writeBytes(flight);
                if (raised != null) {
                    break;
                }
            }
            if (raised == null && script.end() == HostileServer.End.CLOSE) {
                client.closeReceivingEnd();
                sent.writeBytes(client.dataToSend());
            }
            assertRaised(script, raised);
            assertThat(script.alertsIn(sent.toByteArray())).as("the alerts the client sent").isEqualTo(script.alertsSent());
            assertClosed(client);
        }, () -> "the client did not finish with '" + script + "' within " + BOUND);
    }

    private static void assertRaised(HostileServer script, RuntimeException raised) {
        if (script.alertRaised() == null) {
            assertThat(raised).as("the transport ended the handshake, no alert to raise").isNull();
            return;
        }
        if (script.alertRaised() == AlertDescription.CLOSE_NOTIFY) {
            assertThat(raised).as("the server closed the handshake").isInstanceOf(HandshakeClosedByPeer.class)
                    .hasMessageContaining(script.messageHint() == null ? "close_notify" : script.messageHint());
            return;
        }
        assertThat(raised).as("what the client raised").isInstanceOf(TLSAlertException.class);
        TLSAlertException alert = (TLSAlertException) raised;
        assertThat(alert.description()).as("the alert raised: " + alert.getMessage()).isEqualTo(script.alertRaised());
        assertThat(alert.isRemote()).as("whether the alert came from the server").isEqualTo(script.raisedAlertIsRemote());
        if (script.messageHint() != null) {
            assertThat(alert).hasMessageContaining(script.messageHint());
        }
    }

    /** The connection is over: it accepts no more bytes, sends nothing more, and is not connected. */
    private static void assertClosed(TLSConnection client) {
        assertThat(client.isPostHandshake()).as("the handshake is over").isTrue();
        assertThat(client.isConnected()).isFalse();
        assertThat(client.isReceivingOpen()).isFalse();
        assertThat(client.isSendingOpen()).isFalse();
        assertThatThrownBy(() -> client.receiveData(new byte[] {22, 3, 3, 0, 1, 0}))
                .as("no further data accepted").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> client.sendData(new byte[] {1})).isInstanceOf(IllegalStateException.class);
        assertThat(client.dataToSend()).as("nothing more to send").isEmpty();
    }

    // ---- alerts and closes -----------------------------------------------------------------------

    @Test
    void closeNotifyRightAfterTheServerHelloEndsTheHandshakeAnsweredWithCloseNotify() {
        run(SERVERS.closeNotifyAfterServerHello());
    }

    @Test
    void plaintextCloseNotifyAfterTheWholeFlightIsUnexpectedMessage() {
        run(SERVERS.closeNotifyAfterTheWholeFlight());
    }

    @Test
    void closeNotifyThenTransportCloseEndsTheHandshakeAnsweredWithCloseNotify() {
        run(SERVERS.closeNotifyThenClose());
    }

    @Test
    void aFatalAlertMidFlightIsRaisedAndNotAnswered() {
        run(SERVERS.fatalAlertMidFlight());
    }

    @Test
    void userCanceledThenCloseNotifyEndsTheHandshakeAnsweredWithCloseNotify() {
        run(SERVERS.userCanceledThenCloseNotify());
    }

    // ---- garbage ---------------------------------------------------------------------------------

    @Test
    void anHttpAnswerIsProtocolVersion() {
        run(SERVERS.httpResponse());
    }

    @Test
    void aRecordOfAnUnknownContentTypeIsUnexpectedMessage() {
        run(SERVERS.badContentType());
    }

    @Test
    void anOversizedRecordIsRecordOverflow() {
        run(SERVERS.oversizedRecord());
    }

    @Test
    void anOversizedProtectedRecordIsRecordOverflow() {
        run(SERVERS.oversizedProtectedRecord());
    }

    @Test
    void aTruncatedRecordThenTransportCloseEndsTheHandshakeWithoutAnAlert() {
        run(SERVERS.truncatedRecordThenClose());
    }

    @Test
    void emptyReadsThenTransportCloseEndTheHandshakeWithoutAnAlert() {
        run(SERVERS.closeRightAfterConnect());
    }

    @Test
    void emptyReadsChangeNothing() {
        TLSConnection client = client();
        client.initiateConnection();
        client.dataToSend();
        for (int i = 0; i < 1000; i++) {
            client.receiveData(new byte[0]);
        }
        assertThat(client.dataToSend()).isEmpty();
        assertThat(client.isPostHandshake()).isFalse();
        assertThat(client.isReceivingOpen()).isTrue();
    }

    // ---- HelloRetryRequest -----------------------------------------------------------------------

    @Test
    void aSecondHelloRetryRequestIsUnexpectedMessage() {
        run(SERVERS.helloRetryRequestTwice());
    }

    @Test
    void aHelloRetryRequestForTheGroupAlreadySharedIsIllegalParameter() {
        run(SERVERS.helloRetryRequestForTheGroupAlreadyShared());
    }

    @Test
    void aHelloRetryRequestForAGroupNotOfferedIsIllegalParameter() {
        run(SERVERS.helloRetryRequestForAGroupNotOffered());
    }

    @Test
    void aHelloRetryRequestChangingNothingIsIllegalParameter() {
        run(SERVERS.helloRetryRequestChangingNothing());
    }

    @Test
    void aServerHelloAfterARetryWithAnotherCipherSuiteIsIllegalParameter() {
        run(SERVERS.serverHelloAfterARetryWithAnotherCipherSuite());
    }

    @Test
    void aServerHelloAfterARetryWithAnotherGroupIsIllegalParameter() {
        run(SERVERS.serverHelloAfterARetryWithAnotherGroup());
    }

    // ---- ServerHello -----------------------------------------------------------------------------

    @Test
    void aServerHelloWithAGroupNotOfferedIsIllegalParameter() {
        run(SERVERS.serverHelloWithAGroupNotOffered());
    }

    @Test
    void aServerHelloWithAShareForAnotherGroupIsIllegalParameter() {
        run(SERVERS.serverHelloWithAShareForAnotherGroup());
    }

    @Test
    void aServerHelloWithACipherSuiteNotOfferedIsIllegalParameter() {
        run(SERVERS.serverHelloWithACipherSuiteNotOffered());
    }

    @Test
    void aServerHelloNotEchoingTheSessionIdIsIllegalParameter() {
        run(SERVERS.serverHelloNotEchoingTheSessionId());
    }

    @Test
    void aServerHelloWithCompressionIsIllegalParameter() {
        run(SERVERS.serverHelloWithCompression());
    }

    @Test
    void aTls12ServerHelloWithTheDowngradeSentinelIsProtocolVersion() {
        run(SERVERS.tls12ServerHelloWithTheDowngradeSentinel());
    }

    @Test
    void aTls11ServerHelloWithTheDowngradeSentinelIsProtocolVersion() {
        run(SERVERS.tls11ServerHelloWithTheDowngradeSentinel());
    }

    // ---- the encrypted flight --------------------------------------------------------------------

    @Test
    void applicationDataBeforeTheServerFinishedIsUnexpectedMessage() {
        run(SERVERS.applicationDataBeforeFinished());
    }

    @Test
    void aFinishedWithWrongVerifyDataIsDecryptError() {
        run(SERVERS.wrongFinished());
    }

    @Test
    void aCertificateVerifyWithAWrongSignatureIsDecryptError() {
        run(SERVERS.wrongCertificateVerify());
    }

    /**
     * A server that stops answering after its EncryptedExtensions: the Sans-IO engine has no timer,
     * so the handshake is abandoned at the next bytes past limits.max_handshake_duration, with
     * user_canceled then close_notify (RFC 8446 §6.1), protected with the client's handshake keys.
     */
    @Test
    void aServerSilentPastTheHandshakeDurationIsAbandonedWithUserCanceledThenCloseNotify() {
        HostileServer script = SERVERS.silentAfterEncryptedExtensions();
        SteppingClock clock = new SteppingClock(java.time.Instant.parse("2026-12-02T12:00:00Z"));
        TLSConnection client = new TLSConnection(Configs.clientTrusting(IDENTITY)
                .limits(Limits.DEFAULTS.withMaxHandshakeDuration(Duration.ofSeconds(2))).build(),
                "localhost", Entropy.secure(), clock, UnaryOperator.identity());
        assertTimeoutPreemptively(BOUND, () -> {
            client.initiateConnection();
            byte[] partial = script.steps().get(0).answer(client.dataToSend(), script);
            client.receiveData(partial);
            byte[] finishedFlight = client.dataToSend();
            assertThat(client.isPostHandshake()).isFalse();
            clock.advance(Duration.ofMillis(2001));

            assertThatThrownBy(() -> client.receiveData(new byte[] {23}))
                    .isInstanceOf(io.siotls.alerts.UserCanceled.class)
                    .hasMessageContaining("limits.max_handshake_duration");
            assertThat(script.alertsIn(ServerFlight.concat(finishedFlight, client.dataToSend())))
                    .isEqualTo(List.of(AlertDescription.USER_CANCELED, AlertDescription.CLOSE_NOTIFY));
            assertThat(client.isFailed()).isTrue();
            assertClosed(client);
        });
    }

}
