package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ConnectionOptions;
import io.siotls.EarlyDataStatus;
import io.siotls.InvalidConfigurationException;
import io.siotls.LruClientSessionCache;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.extensions.EarlyDataExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.iana.ContentType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.NamedGroup;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EncryptedExtensions;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.Records;
import io.siotls.testing.ServerFlight;
import io.siotls.testing.TestPki;
import io.siotls.tickets.TicketKeys;
import io.siotls.wire.TLSReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 0-RTT between our Sans-IO client and server (RFC 8446 §2.3, §4.2.10, §8): early data accepted
 * and read before the handshake completes, the cases that reject it (the handshake then completes
 * 1-RTT with the early data skipped), replay protection, and the configuration's checks.
 */
class EarlyDataTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final TLSConfiguration serverConfig = Configs.server(SERVER).maxEarlyData(1024).build();
    private final TLSConfiguration clientConfig = Configs.clientTrusting(SERVER).build();
    private final LruClientSessionCache cache = new LruClientSessionCache(100, Duration.ZERO);

    private TLSConnection client(TLSConfiguration config) {
        return new TLSConnection(config, ConnectionOptions.builder().serverName("localhost")
                .verificationHostname("localhost").sessionCache(cache, "localhost", 443).build());
    }

    /** A full handshake whose tickets land in the cache. */
    private void fillCache(TLSConfiguration server) {
        fillCache(clientConfig, server);
    }

    /** The same, for {@code clientSide}: a session is resumed by a client of the same configuration. */
    private void fillCache(TLSConfiguration clientSide, TLSConfiguration server) {
        TLSConnection first = client(clientSide);
        TLSConnection peer = new TLSConnection(server);
        MemoryPipe.handshake(first, peer);
        MemoryPipe.transfer(peer, first);
    }

    /** A client that sent its ClientHello with {@code early}; its first flight is still to be sent. */
    private TLSConnection clientWithEarlyData(TLSConfiguration config, byte[] early) {
        TLSConnection client = client(config);
        client.sendEarlyData(early);
        client.initiateConnection();
        return client;
    }

    private static void finish(TLSConnection client, TLSConnection server) {
        for (int round = 0; round < 10 && !(client.isPostHandshake() && server.isPostHandshake()); round++) {
            MemoryPipe.transfer(client, server);
            MemoryPipe.transfer(server, client);
        }
        assertThat(client.isConnected()).isTrue();
        assertThat(server.isConnected()).isTrue();
    }

    @Test
    void acceptedEarlyDataIsReadBeforeTheHandshakeCompletesAndTheConnectionGoesOn() {
        fillCache(serverConfig);
        TLSConnection client = clientWithEarlyData(clientConfig, REQUEST);
        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.PENDING);
        TLSConnection server = new TLSConnection(serverConfig);
        server.initiateConnection();

        MemoryPipe.transfer(client, server);

        assertThat(server.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
        assertThat(server.isHandshakeComplete()).isFalse();
        assertThat(server.earlyDataToRead()).isEqualTo(REQUEST);
        assertThat(server.dataToReadLength()).as("early data is kept apart").isZero();
        finish(client, server);
        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
        assertThat(client.nconfig().resumed()).isTrue();
        server.sendData("after".getBytes(StandardCharsets.US_ASCII));
        client.sendData("1-RTT".getBytes(StandardCharsets.US_ASCII));
        MemoryPipe.transfer(server, client);
        MemoryPipe.transfer(client, server);
        assertThat(client.dataToRead()).asString(StandardCharsets.US_ASCII).isEqualTo("after");
        assertThat(server.dataToRead()).asString(StandardCharsets.US_ASCII).isEqualTo("1-RTT");
    }

    @Test
    void ticketsAnnounceTheMaxEarlyDataSizeOnlyWhenTheServerTakesEarlyData() {
        TLSConnection client = client(clientConfig);
        TLSConnection server = new TLSConnection(serverConfig);
        MemoryPipe.handshake(client, server);
        byte[] tickets = server.dataToSend();
        client.receiveData(tickets);
        // the tickets are protected: their early_data reaches the client's cache, which then offers it
        TLSConnection next = clientWithEarlyData(clientConfig, new byte[1024]);
        assertThat(next.earlyDataStatus()).as("1024 bytes fit the ticket's 1024").isEqualTo(EarlyDataStatus.PENDING);

        LruClientSessionCache otherCache = new LruClientSessionCache(100, Duration.ZERO);
        TLSConnection plainClient = new TLSConnection(clientConfig, ConnectionOptions.builder().serverName("localhost")
                .verificationHostname("localhost").sessionCache(otherCache, "localhost", 443).build());
        TLSConnection plainServer = new TLSConnection(Configs.server(SERVER).build());
        MemoryPipe.handshake(plainClient, plainServer);
        MemoryPipe.transfer(plainServer, plainClient);
        TLSConnection refused = new TLSConnection(clientConfig, ConnectionOptions.builder().serverName("localhost")
                .verificationHostname("localhost").sessionCache(otherCache, "localhost", 443).build());
        refused.sendEarlyData(new byte[0]);
        refused.initiateConnection();
        assertThat(refused.earlyDataStatus()).as("even empty early data needs a ticket allowing it")
                .isEqualTo(EarlyDataStatus.NOT_OFFERED);
        assertThat(helloOf(refused.dataToSend()).extensions().contains(ExtensionType.EARLY_DATA)).isFalse();
    }

    @Test
    void moreEarlyDataThanTheTicketAllowsIsNotOffered() {
        fillCache(serverConfig);
        TLSConnection client = clientWithEarlyData(clientConfig, new byte[1025]);

        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.NOT_OFFERED);
        byte[] flight = client.dataToSend();
        ClientHello hello = helloOf(flight);
        assertThat(hello.extensions().contains(ExtensionType.EARLY_DATA)).isFalse();
        assertThat(hello.extensions().contains(ExtensionType.PRE_SHARED_KEY)).as("still resumes").isTrue();
        assertThat(Records.afterFirst(flight)).as("nothing after the ClientHello").isEmpty();
    }

    @Test
    void aReplayedClientHelloGetsItsEarlyDataRejectedAndTheHandshakeCompletes() {
        fillCache(serverConfig);
        TLSConnection client = clientWithEarlyData(clientConfig, REQUEST);
        byte[] firstFlight = client.dataToSend();
        TLSConnection original = new TLSConnection(serverConfig);
        original.initiateConnection();
        original.receiveData(firstFlight.clone());
        assertThat(original.earlyDataToRead()).isEqualTo(REQUEST);

        TLSConnection replayTarget = new TLSConnection(serverConfig);
        replayTarget.initiateConnection();
        replayTarget.receiveData(firstFlight);

        assertThat(replayTarget.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(replayTarget.earlyDataToReadLength()).isZero();
        finish(client, replayTarget);
        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(client.nconfig().resumed()).as("the ticket is resumed, only its early data refused").isTrue();
        assertThat(replayTarget.earlyDataToReadLength()).as("skipped, never delivered").isZero();
        assertThat(replayTarget.dataToReadLength()).isZero();
    }

    @Test
    void aTicketAgeOutsideTheFreshnessWindowRejectsEarlyData() {
        fillCache(serverConfig);
        TLSConnection client = clientWithEarlyData(clientConfig, REQUEST);
        TLSConnection server = new TLSConnection(serverConfig, ConnectionOptions.none(),
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30)));
        server.initiateConnection();

        finish(client, server);

        assertThat(server.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(server.earlyDataToReadLength()).isZero();
        assertThat(server.dataToReadLength()).isZero();
    }

    @Test
    void aHelloRetryRequestRejectsEarlyDataAndTheSecondClientHelloGoesUnprotected() {
        TLSConfiguration x25519First = Configs.clientTrusting(SERVER)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).build();
        TLSConfiguration server = serverConfig.toBuilder().keyExchanges(NamedGroup.SECP384R1).build();
        fillCache(x25519First, server);
        TLSConnection client = clientWithEarlyData(x25519First, REQUEST);
        TLSConnection peer = new TLSConnection(server);
        peer.initiateConnection();

        finish(client, peer);

        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(peer.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(peer.earlyDataToReadLength()).isZero();
        assertThat(client.nconfig().resumed()).isTrue();
    }

    @Test
    void aServerTakingNoEarlyDataSkipsItAndTheClientLearnsItWasRejected() {
        fillCache(serverConfig);
        TLSConnection client = clientWithEarlyData(clientConfig, REQUEST);
        TLSConnection server = new TLSConnection(serverConfig.toBuilder().maxEarlyData(0).build());
        server.initiateConnection();

        finish(client, server);

        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(server.earlyDataStatus()).isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(server.earlyDataToReadLength()).isZero();
        assertThat(server.dataToReadLength()).isZero();
    }

    @Test
    void aServerAcceptingEarlyDataWithoutResumingTheTicketIsIllegalParameter() {
        fillCache(serverConfig);
        TLSConnection client = clientWithEarlyData(clientConfig, REQUEST);
        ServerFlight otherKeys = ServerFlight.answer(Configs.server(SERVER), client.dataToSend());
        assertThat(otherKeys.serverHello().extensions().contains(ExtensionType.PRE_SHARED_KEY))
                .as("another server's keys: a full handshake").isFalse();
        byte[] real = otherKeys.messages().get(0);
        List<Extension> extensions = new ArrayList<>(
                EncryptedExtensions.parse(new TLSReader(real, 4, real.length - 4)).extensions().list());
        extensions.add(EarlyDataExtension.indication());
        byte[] forged = new EncryptedExtensions(ExtensionBlock.of(extensions)).toBytes();
        byte[] flight = ServerFlight.concat(otherKeys.serverHelloRecord(),
                Records.plaintext(ContentType.CHANGE_CIPHER_SPEC, new byte[] {1}),
                otherKeys.protect(ContentType.HANDSHAKE, forged));

        assertThatThrownBy(() -> client.receiveData(flight)).isInstanceOf(IllegalParameter.class)
                .hasMessageContaining("accepted early data without resuming the offered ticket");
    }

    @Test
    void anSslEngineConnectionNeverAcceptsEarlyData() {
        fillCache(serverConfig);
        TLSConnection client = clientWithEarlyData(clientConfig, REQUEST);
        RecordConnection engine = new RecordConnection(serverConfig, ConnectionOptions.none());
        engine.initiateConnection();
        ByteBuffer in = ByteBuffer.wrap(client.dataToSend());
        ByteBuffer out = ByteBuffer.allocate(1 << 15);
        while (in.hasRemaining()) {
            engine.unwrap(in, out);
        }

        assertThat(engine.earlyDataStatus()).as("JSSE has no early data API").isEqualTo(EarlyDataStatus.REJECTED);
        assertThat(out.position()).as("the early data was skipped").isZero();
        assertThat(engine.isFailed()).isFalse();
    }

    @Test
    void bothSidesLogTheClientEarlyTrafficSecret(@TempDir Path folder) throws Exception {
        Path clientLog = folder.resolve("client.keys");
        Path serverLog = folder.resolve("server.keys");
        TLSConfiguration loggingServer = serverConfig.toBuilder().logKeys(true).keyLogFile(serverLog).build();
        TLSConfiguration loggingClient = clientConfig.toBuilder().logKeys(true).keyLogFile(clientLog).build();
        fillCache(loggingClient, loggingServer);
        TLSConnection client = clientWithEarlyData(loggingClient, REQUEST);
        TLSConnection server = new TLSConnection(loggingServer);
        server.initiateConnection();
        finish(client, server);

        assertThat(client.earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
        List<String> clientLines = earlyLines(clientLog);
        assertThat(clientLines).hasSize(1);
        assertThat(earlyLines(serverLog)).containsExactlyElementsOf(clientLines);
    }

    private static List<String> earlyLines(Path log) throws Exception {
        return Files.readAllLines(log).stream().filter(line -> line.startsWith("CLIENT_EARLY_TRAFFIC_SECRET ")).toList();
    }

    @Test
    void earlyDataIsAClientCallBeforeTheHandshakeWithASessionCache() {
        TLSConnection withoutCache = new TLSConnection(clientConfig, "localhost");
        assertThatThrownBy(() -> withoutCache.sendEarlyData(REQUEST)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("session cache");
        TLSConnection started = client(clientConfig);
        started.initiateConnection();
        assertThatThrownBy(() -> started.sendEarlyData(REQUEST)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before initiateConnection()");
        TLSConnection server = new TLSConnection(serverConfig);
        assertThatThrownBy(() -> server.sendEarlyData(REQUEST)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theConfigurationChecksMaxEarlyData() {
        assertThatThrownBy(() -> Configs.server(SERVER).maxEarlyData(-1))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.option()).isEqualTo(ConfigurationOption.MAX_EARLY_DATA);
                    assertThat(e.problem()).isEqualTo(ConfigurationProblem.OUT_OF_RANGE);
                });
        assertThatThrownBy(() -> Configs.server(SERVER).maxEarlyData(TLSConfiguration.MAX_EARLY_DATA + 1))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("max_early_data");
        assertThatThrownBy(() -> Configs.clientTrusting(SERVER).maxEarlyData(100).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.WRONG_SIDE));
        assertThatThrownBy(() -> Configs.server(SERVER).sessionTickets(0).maxEarlyData(100).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.INCOMPLETE));
        assertThatThrownBy(() -> Configs.server(SERVER).sessionTicketKeys(TicketKeys.random()).maxEarlyData(100).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ConfigurationProblem.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("per process");
                });
        assertThat(Configs.server(SERVER).build().maxEarlyData()).as("off by default").isZero();
        assertThat(Configs.server(SERVER).build().earlyDataReplayGuard()).isNull();
        assertThat(serverConfig.toBuilder().build().earlyDataReplayGuard())
                .as("a rebuilt configuration keeps the strike register").isSameAs(serverConfig.earlyDataReplayGuard());
    }

    private static ClientHello helloOf(byte[] flight) {
        byte[] fragment = Records.firstFragment(flight);
        return ClientHello.parse(new TLSReader(fragment, 4, fragment.length - 4));
    }
}
