package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.siotls.ConnectionOptions;
import io.siotls.LruClientSessionCache;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.HandshakeClosedByPeer;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.TLSException;
import io.siotls.crypto.CryptoProvider;
import io.siotls.crypto.KeyExchange;
import io.siotls.crypto.KeyExchangeKeyPair;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.ExtensionContext;
import io.siotls.iana.ExtensionType;
import io.siotls.handshake.Entropy;
import io.siotls.iana.NamedGroup;
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
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.TestPki;
import io.siotls.tickets.TicketKeys;
import io.siotls.wire.TLSReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing (Jazzer) of what a peer controls: records, every handshake message and
 * extension parser, both state machines fed arbitrary bytes after a valid prefix, and the
 * post-quantum key shares. Anything but
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
    /** The clock and ticket keys of the server whose tickets the resumption target's seed offers. */
    private static final Clock TICKET_CLOCK = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC);
    private static final TLSConfiguration TICKET_SERVER = Configs.server(IDENTITY)
            .sessionTicketKeys(TicketKeys.of(List.of(fixedTicketKey()))).build();
    private static final Path RESUMPTION_SEED = Path.of("src/test/resources/io/siotls/connection/ProtocolFuzzTestInputs",
            "serverResumption", "resuming-client-hello");
    private static final List<NamedGroup> POST_QUANTUM_GROUPS =
            Stream.of(NamedGroup.values()).filter(NamedGroup::isPostQuantum).toList();
    private static final Map<NamedGroup, KeyExchangeKeyPair> CLIENT_KEY_PAIRS = POST_QUANTUM_GROUPS.stream()
            .collect(Collectors.toMap(group -> group, group -> CryptoProvider.getDefault().keyExchange(group)
                    .generate(fixedEntropy().signingRandom())));

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
     * A server with fixed ticket keys and clock: the bytes are a ClientHello offering one of its
     * tickets (the seed), mutated, which reaches the binder check, the ticket's opening and the
     * resumed flight (RFC 8446 §4.2.11).
     */
    @FuzzTest(maxDuration = "24h")
    void serverResumption(byte[] data) {
        TLSConnection server = ticketServer();
        server.initiateConnection();
        feed(server, data);
    }

    /**
     * The resumption target's seed still resumes: the server answers it with a ServerHello
     * selecting the ticket. With {@code -Dsiotls.fuzz.writeSeed=true} it is made anew first (after
     * a change of the ticket format): a ClientHello of our client, which got the ticket from a
     * full handshake with that server.
     */
    @Test
    void theResumptionSeedResumes() throws IOException {
        if (Boolean.getBoolean("siotls.fuzz.writeSeed")) {
            Files.createDirectories(RESUMPTION_SEED.getParent());
            Files.write(RESUMPTION_SEED, resumingClientHello());
        }
        TLSConnection server = ticketServer();
        server.initiateConnection();
        server.receiveData(Files.readAllBytes(RESUMPTION_SEED));
        byte[] serverHello = Records.firstFragment(server.dataToSend());
        ServerHello answer = ServerHello.parse(new TLSReader(serverHello, 4, serverHello.length - 4));
        assertThat(answer.extensions().contains(ExtensionType.PRE_SHARED_KEY)).as("the ticket is resumed").isTrue();
    }

    private static byte[] resumingClientHello() {
        LruClientSessionCache sessions = new LruClientSessionCache(10, Duration.ZERO);
        ConnectionOptions options = ConnectionOptions.builder().serverName("localhost").verificationHostname("localhost")
                .sessionCache(sessions, "localhost", 443).build();
        TLSConnection first = new TLSConnection(CLIENT, options);
        TLSConnection server = ticketServer();
        MemoryPipe.handshake(first, server);
        MemoryPipe.transfer(server, first);
        TLSConnection second = new TLSConnection(CLIENT, options);
        second.initiateConnection();
        return second.dataToSend();
    }

    /** The server of the fixed ticket keys and clock, not yet initiated. */
    private static TLSConnection ticketServer() {
        return new TLSConnection(TICKET_SERVER, null, fixedEntropy(), TICKET_CLOCK, UnaryOperator.identity());
    }

    private static byte[] fixedTicketKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        return key;
    }

    /**
     * The post-quantum key shares (draft-ietf-tls-mlkem, draft-ietf-tls-ecdhe-mlkem): the first
     * byte picks a group and a side, the rest is the peer's key_exchange: a client's share that
     * a server answers (the modulus check, the classic half's point, the lengths), or a server's
     * share that a client decapsulates. Each either yields a secret or is illegal_parameter.
     */
    @FuzzTest(maxDuration = "24h")
    void postQuantumKeyShare(byte[] data) {
        if (data.length == 0) {
            return;
        }
        NamedGroup group = POST_QUANTUM_GROUPS.get((data[0] & 0x7f) % POST_QUANTUM_GROUPS.size());
        byte[] share = Arrays.copyOfRange(data, 1, data.length);
        KeyExchange exchange = CryptoProvider.getDefault().keyExchange(group);
        try {
            byte[] secret = data[0] < 0
                    ? CLIENT_KEY_PAIRS.get(group).sharedSecret(share)
                    : exchange.respond(share, fixedEntropy().signingRandom()).sharedSecret();
            if (secret.length < 32) {
                throw new IllegalStateException(group + " yielded a secret of " + secret.length + " bytes");
            }
        } catch (IllegalParameter refused) {
            expected(refused);
        }
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
