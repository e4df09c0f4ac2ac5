package io.siotls.connection;

import io.siotls.TLSConfiguration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.siotls.alerts.HandshakeClosedByPeer;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.TLSException;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.handshake.Entropy;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateRequest;
import io.siotls.messages.CertificateVerify;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EncryptedExtensions;
import io.siotls.messages.Finished;
import io.siotls.messages.KeyUpdate;
import io.siotls.messages.NewSessionTicket;
import io.siotls.messages.ServerHello;
import io.siotls.record.RecordReader;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import io.siotls.wire.TLSReader;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Coverage-guided fuzzing (Jazzer) of what a peer controls: records, every handshake message and
 * extension parser, and both state machines fed arbitrary bytes after a valid prefix. Anything but
 * a TLS alert is a finding (an internal_error alert is no better than a crash here), and so is a
 * hang.
 *
 * <p>Under {@code mvn test} each target replays its committed corpus
 * ({@code src/test/resources/io/siotls/ProtocolFuzzTestInputs/<target>}); {@code scripts/fuzz.sh}
 * fuzzes each target for as long as it is asked. The prefixes come from connections with fixed
 * entropy, so that every run of a target starts from the same bytes.
 */
class ProtocolFuzzTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final TLSConfiguration CLIENT = Configs.clientTrusting(IDENTITY).build();
    private static final TLSConfiguration SERVER = Configs.server(IDENTITY).build();
    private static final byte[] CLIENT_HELLO = fixedClient().dataToSend();

    @FuzzTest(maxDuration = "24h")
    void recordLayer(byte[] data) {
        RecordReader reader = new RecordReader();
        reader.feed(data);
        try {
            while (reader.next() != null) {
                continue;
            }
        } catch (TLSAlertException alert) {
            expected(alert);
        }
    }

    @FuzzTest(maxDuration = "24h")
    void handshakeMessages(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 10);
        byte[] body = data.consumeRemainingAsBytes();
        TLSReader reader = new TLSReader(body);
        try {
            switch (which) {
                case 0 -> ClientHello.parse(reader);
                case 1 -> ServerHello.parse(reader);
                case 2 -> EncryptedExtensions.parse(reader);
                case 3 -> CertificateRequest.parse(reader);
                case 4 -> CertificateMessage.parse(reader);
                case 5 -> CertificateVerify.parse(reader);
                case 6 -> Finished.parse(reader, 32);
                case 7 -> NewSessionTicket.parse(reader);
                case 8 -> KeyUpdate.parse(reader);
                default -> ExtensionBlock.read(reader, ExtensionContext.values()[which % ExtensionContext.values().length]);
            }
        } catch (TLSAlertException alert) {
            expected(alert);
        }
    }

    /** A server before anything: the bytes are the client's first flight. */
    @FuzzTest(maxDuration = "24h")
    void serverFirstFlight(byte[] data) {
        TLSConnection server = fixedServer();
        feed(server, data);
    }

    /** A server that answered a valid ClientHello: the bytes are the client's second flight. */
    @FuzzTest(maxDuration = "24h")
    void serverAfterClientHello(byte[] data) {
        TLSConnection server = fixedServer();
        server.receiveData(CLIENT_HELLO);
        server.dataToSend();
        feed(server, data);
    }

    /** A client that sent its ClientHello: the bytes are the server's flight. */
    @FuzzTest(maxDuration = "24h")
    void clientAfterClientHello(byte[] data) {
        TLSConnection client = fixedClient();
        client.dataToSend();
        feed(client, data);
    }

    /**
     * Feeds {@code data}: it may end the connection with an alert, sent (a {@link TLSAlertException})
     * or received (also a plain {@link TLSException} when the peer's alert is not one TLS defines),
     * and then the connection must be failed; or with the peer's close_notify before the handshake
     * completed, and then the connection must be over, neither side open.
     */
    private static void feed(TLSConnection connection, byte[] data) {
        try {
            connection.receiveData(data);
            connection.dataToSend();
        } catch (HandshakeClosedByPeer closed) {
            if (!connection.isPostHandshake() || connection.isReceivingOpen() || connection.isSendingOpen()) {
                throw new IllegalStateException("the peer closed during the handshake but the connection is open", closed);
            }
        } catch (TLSException error) {
            if (error instanceof TLSAlertException alert) {
                expected(alert);
            }
            if (!connection.isFailed()) {
                throw new IllegalStateException("the connection raised but is not failed", error);
            }
        }
    }

    /** An alert is the expected end, but an internal_error of our own, which means a bug. */
    private static void expected(TLSAlertException alert) {
        if (alert instanceof InternalErrorAlert && !alert.isRemote()) {
            throw alert;
        }
    }

    private static TLSConnection fixedClient() {
        TLSConnection client = new TLSConnection(CLIENT, "localhost", fixedEntropy(), Clock.systemUTC(),
                UnaryOperator.identity());
        client.initiateConnection();
        return client;
    }

    private static TLSConnection fixedServer() {
        TLSConnection server = new TLSConnection(SERVER, null, fixedEntropy(), Clock.systemUTC(),
                UnaryOperator.identity());
        server.initiateConnection();
        return server;
    }

    private static Entropy fixedEntropy() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(7);
            return new Entropy(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
