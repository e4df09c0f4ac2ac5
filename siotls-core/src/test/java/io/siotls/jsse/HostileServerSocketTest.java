package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.Limits;
import io.siotls.connection.RecordConnection;
import io.siotls.iana.AlertDescription;
import io.siotls.testing.Configs;
import io.siotls.testing.HostileServer;
import io.siotls.testing.HostileServers;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our JSSE client socket against the hostile servers of {@link HostileServers}, each played by the
 * test on a real TCP ServerSocket on 127.0.0.1: the client must fail with the JSSE exception that
 * names the alert, put that alert (and only it) on the wire, close the TCP connection by itself,
 * refuse any further read, and do all that within its handshake limit. The client runs on its own
 * thread under a deadline: a read loop that never ends on a closed inbound (a spin) is caught, its
 * stack reported, and the connection failed from outside so that the spinning thread ends.
 */
class HostileServerSocketTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final HostileServers SERVERS = new HostileServers(IDENTITY);
    /** The client's limits.max_handshake_duration: every failure here must come well before it. */
    private static final Duration LIMIT = Duration.ofSeconds(5);
    /** How long the client may take before it is deemed hung or spinning (a loaded 2-core machine). */
    private static final Duration DEADLINE = LIMIT.plusSeconds(10);

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private static SSLContext clientContext(Duration handshakeLimit) {
        return SiotlsSSLContext.of(Configs.clientTrusting(IDENTITY)
                .limits(Limits.DEFAULTS.withMaxHandshakeDuration(handshakeLimit)).build(), null);
    }

    /** Our client socket, connected to {@code listener}, its handshake bounded by {@code handshakeLimit}. */
    private static SSLSocket clientSocket(ServerSocket listener, Duration handshakeLimit) throws IOException {
        return (SSLSocket) clientContext(handshakeLimit).getSocketFactory().createSocket("localhost",
                listener.getLocalPort());
    }

    /** What the client did. */
    private record Outcome(Throwable failure, String readAfterwards, boolean closed, Duration elapsed,
            Duration cpu) {
    }

    /** The server's side: plays {@code script}, then returns all the client sent after its last step, up to EOF. */
    private static byte[] serve(ServerSocket listener, HostileServer script) throws IOException {
        listener.setSoTimeout((int) DEADLINE.toMillis());
        try (Socket raw = listener.accept()) {
            raw.setSoTimeout((int) DEADLINE.toMillis());
            InputStream in = raw.getInputStream();
            for (HostileServer.Step step : script.steps()) {
                byte[] answer = step.answer(readFlight(in), script);
                raw.getOutputStream().write(answer);
                raw.getOutputStream().flush();
            }
            if (script.end() == HostileServer.End.CLOSE) {
                raw.shutdownOutput();
            }
            return in.readAllBytes();
        }
    }

    /** The client's records up to and including its next handshake record (a ClientHello). */
    private static byte[] readFlight(InputStream in) throws IOException {
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        while (true) {
            byte[] header = in.readNBytes(5);
            if (header.length < 5) {
                throw new EOFException("the client closed before its flight");
            }
            byte[] body = in.readNBytes((header[3] & 0xff) << 8 | (header[4] & 0xff));
            flight.writeBytes(header);
            flight.writeBytes(body);
            if (header[0] == 22) {
                return flight.toByteArray();
            }
        }
    }

    /**
     * Runs our client against {@code script}: a handshake, then a read (for the cases where the
     * client's handshake completes before the trouble), then a second read that must not deliver
     * anything; under {@link #DEADLINE}. The socket is left as the client left it: it must have
     * closed the connection by itself.
     */
    private Outcome runClient(SSLSocket socket) throws Exception {
        assertThat(socket).isInstanceOf(SiotlsSSLSocket.class);
        Outcome[] outcome = new Outcome[1];
        Thread client = new Thread(() -> {
            long start = System.nanoTime();
            Throwable failure = null;
            try {
                socket.startHandshake();
                int read = socket.getInputStream().read();
                failure = new AssertionError("the client read " + read + " from a hostile server");
            } catch (IOException e) {
                failure = e;
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String readAfterwards;
            try {
                readAfterwards = "read " + socket.getInputStream().read();
            } catch (IOException e) {
                readAfterwards = "refused: " + e;
            }
            outcome[0] = new Outcome(failure, readAfterwards, socket.isClosed(), elapsed,
                    Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()));
        }, "hostile-server client");
        client.setDaemon(true);
        client.start();
        client.join(DEADLINE.toMillis());
        if (client.isAlive()) {
            StackTraceElement[] stack = client.getStackTrace();
            long cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(client.getId());
            failFromOutside(socket);
            client.join(5_000);
            throw new AssertionError("the client did not end within " + DEADLINE + ", using "
                    + Duration.ofNanos(cpu) + " of CPU time meanwhile (" + (cpu > Duration.ofSeconds(1).toNanos() ? "spinning"
                    : "blocked") + "); it was at:\n  "
                    + String.join("\n  ", Arrays.stream(stack).map(String::valueOf).toList()));
        }
        return outcome[0];
    }

    /** Ends a client stuck in a loop: its engine's connection is closed, then its socket. */
    private static void failFromOutside(SSLSocket socket) {
        try {
            Field engineField = SiotlsSSLSocket.class.getDeclaredField("engine");
            engineField.setAccessible(true);
            Object engine = engineField.get(socket);
            Field connectionField = SiotlsSSLEngine.class.getDeclaredField("connection");
            connectionField.setAccessible(true);
            RecordConnection connection = (RecordConnection) connectionField.get(engine);
            synchronized (engine) {
                connection.closeReceivingEnd();
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot stop the client", e);
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a stuck socket is best effort
            }
        }
    }

    /**
     * Plays {@code script} against our client and checks the outcome: the exception (of
     * {@code failureType}) naming the alert, the alerts on the wire, the connection closed by the
     * client and refusing further reads, within the handshake limit.
     */
    private void run(HostileServer script, Class<? extends SSLException> failureType) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SSLSocket socket = clientSocket(listener, LIMIT)) {
            Future<byte[]> server = executor.submit(() -> serve(listener, script));
            Outcome outcome = runClient(socket);

            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(outcome.failure()).as("how the client failed").isInstanceOf(failureType);
            String expected = script.alertRaised() == null ? "closed the connection during the handshake"
                    : script.alertRaised() == AlertDescription.CLOSE_NOTIFY ? "before the handshake completed"
                    : (script.raisedAlertIsRemote() ? "received fatal alert " : "") + script.alertRaised().ianaName();
            softly.assertThat(outcome.failure()).hasMessageContaining(expected);
            if (script.messageHint() != null) {
                softly.assertThat(outcome.failure()).hasMessageContaining(script.messageHint());
            }
            softly.assertThat(outcome.elapsed()).as("time to fail").isLessThan(LIMIT);
            softly.assertThat(outcome.closed()).as("the client closed its socket").isTrue();
            softly.assertThat(outcome.readAfterwards()).as("a read after the failure").startsWith("refused: ");
            try {
                softly.assertThat(script.alertsIn(sentByClient(server))).as("the alerts the client sent, then closed")
                        .isEqualTo(script.alertsSent());
            } catch (AssertionError e) {
                softly.fail(e.getMessage());
            }
            softly.assertAll();
        }
    }

    /**
     * What the client sent after the server's last step, once it closed the TCP connection; a
     * marker instead when it did not close it within {@link #DEADLINE} (or the server failed).
     */
    private static byte[] sentByClient(Future<byte[]> server) throws InterruptedException {
        try {
            return server.get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the client did not close the TCP connection (the server saw no end of its"
                    + " bytes: " + e.getCause() + ")", e);
        }
    }

    private void run(HostileServer script) throws Exception {
        run(script, SSLHandshakeException.class);
    }

    // ---- alerts and closes -----------------------------------------------------------------------

    @Test
    void closeNotifyRightAfterTheServerHelloEndsTheHandshakeAnsweredWithCloseNotify() throws Exception {
        run(SERVERS.closeNotifyAfterServerHello());
    }

    /** The client's handshake completed with the flight: the read that meets the close_notify fails. */
    @Test
    void plaintextCloseNotifyAfterTheWholeFlightIsUnexpectedMessage() throws Exception {
        run(SERVERS.closeNotifyAfterTheWholeFlight(), SSLException.class);
    }

    @Test
    void closeNotifyThenTransportCloseEndsTheHandshakeAnsweredWithCloseNotify() throws Exception {
        run(SERVERS.closeNotifyThenClose());
    }

    @Test
    void aFatalAlertMidFlightIsRaisedAndNotAnswered() throws Exception {
        run(SERVERS.fatalAlertMidFlight());
    }

    @Test
    void userCanceledThenCloseNotifyEndsTheHandshakeAnsweredWithCloseNotify() throws Exception {
        run(SERVERS.userCanceledThenCloseNotify());
    }

    // ---- garbage ---------------------------------------------------------------------------------

    @Test
    void anHttpAnswerIsProtocolVersion() throws Exception {
        run(SERVERS.httpResponse());
    }

    @Test
    void aRecordOfAnUnknownContentTypeIsUnexpectedMessage() throws Exception {
        run(SERVERS.badContentType());
    }

    @Test
    void anOversizedRecordIsRecordOverflow() throws Exception {
        run(SERVERS.oversizedRecord());
    }

    @Test
    void anOversizedProtectedRecordIsRecordOverflow() throws Exception {
        run(SERVERS.oversizedProtectedRecord());
    }

    @Test
    void aTruncatedRecordThenTransportCloseFailsTheHandshakeWithoutAnAlert() throws Exception {
        run(SERVERS.truncatedRecordThenClose());
    }

    @Test
    void transportCloseRightAfterTheClientHelloFailsTheHandshakeWithoutAnAlert() throws Exception {
        run(SERVERS.closeRightAfterConnect());
    }

    // ---- HelloRetryRequest -----------------------------------------------------------------------

    @Test
    void aSecondHelloRetryRequestIsUnexpectedMessage() throws Exception {
        run(SERVERS.helloRetryRequestTwice());
    }

    @Test
    void aHelloRetryRequestForTheGroupAlreadySharedIsIllegalParameter() throws Exception {
        run(SERVERS.helloRetryRequestForTheGroupAlreadyShared());
    }

    @Test
    void aHelloRetryRequestForAGroupNotOfferedIsIllegalParameter() throws Exception {
        run(SERVERS.helloRetryRequestForAGroupNotOffered());
    }

    @Test
    void aHelloRetryRequestChangingNothingIsIllegalParameter() throws Exception {
        run(SERVERS.helloRetryRequestChangingNothing());
    }

    @Test
    void aServerHelloAfterARetryWithAnotherCipherSuiteIsIllegalParameter() throws Exception {
        run(SERVERS.serverHelloAfterARetryWithAnotherCipherSuite());
    }

    @Test
    void aServerHelloAfterARetryWithAnotherGroupIsIllegalParameter() throws Exception {
        run(SERVERS.serverHelloAfterARetryWithAnotherGroup());
    }

    // ---- ServerHello -----------------------------------------------------------------------------

    @Test
    void aServerHelloWithAGroupNotOfferedIsIllegalParameter() throws Exception {
        run(SERVERS.serverHelloWithAGroupNotOffered());
    }

    @Test
    void aServerHelloWithAShareForAnotherGroupIsIllegalParameter() throws Exception {
        run(SERVERS.serverHelloWithAShareForAnotherGroup());
    }

    @Test
    void aServerHelloWithACipherSuiteNotOfferedIsIllegalParameter() throws Exception {
        run(SERVERS.serverHelloWithACipherSuiteNotOffered());
    }

    @Test
    void aServerHelloNotEchoingTheSessionIdIsIllegalParameter() throws Exception {
        run(SERVERS.serverHelloNotEchoingTheSessionId());
    }

    @Test
    void aServerHelloWithCompressionIsIllegalParameter() throws Exception {
        run(SERVERS.serverHelloWithCompression());
    }

    @Test
    void aTls12ServerHelloWithTheDowngradeSentinelIsProtocolVersion() throws Exception {
        run(SERVERS.tls12ServerHelloWithTheDowngradeSentinel());
    }

    @Test
    void aTls11ServerHelloWithTheDowngradeSentinelIsProtocolVersion() throws Exception {
        run(SERVERS.tls11ServerHelloWithTheDowngradeSentinel());
    }

    // ---- the encrypted flight --------------------------------------------------------------------

    @Test
    void applicationDataBeforeTheServerFinishedIsUnexpectedMessage() throws Exception {
        run(SERVERS.applicationDataBeforeFinished());
    }

    @Test
    void aFinishedWithWrongVerifyDataIsDecryptError() throws Exception {
        run(SERVERS.wrongFinished());
    }

    @Test
    void aCertificateVerifyWithAWrongSignatureIsDecryptError() throws Exception {
        run(SERVERS.wrongCertificateVerify());
    }

    /**
     * A server that sends its ServerHello and EncryptedExtensions, then never answers: with no
     * socket timeout, the client's handshake ends with an SSLHandshakeException at its
     * limits.max_handshake_duration, waiting (not spinning) until then, and closes the connection,
     * either silently or abandoning the handshake with user_canceled then close_notify (RFC 8446
     * §6.1), as the engine does on its own.
     */
    @Test
    void aServerSilentAfterPartOfItsFlightIsDroppedAtTheHandshakeDuration() throws Exception {
        Duration limit = Duration.ofSeconds(2);
        HostileServer script = SERVERS.silentAfterEncryptedExtensions();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SSLSocket socket = clientSocket(listener, limit)) {
            Future<byte[]> server = executor.submit(() -> serve(listener, script));
            Outcome outcome = runClient(socket);

            assertThat(outcome.failure()).isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("limits.max_handshake_duration");
            assertThat(outcome.elapsed()).isBetween(limit.minusMillis(50), DEADLINE);
            assertThat(outcome.cpu()).as("CPU time of the client thread while it waited " + outcome.elapsed())
                    .isLessThan(Duration.ofMillis(1500));
            assertThat(outcome.closed()).isTrue();
            assertThat(outcome.readAfterwards()).startsWith("refused: ");

            assertThat(script.alertsIn(sentByClient(server))).isIn(List.of(),
                    List.of(AlertDescription.USER_CANCELED, AlertDescription.CLOSE_NOTIFY));
        }
    }
}
