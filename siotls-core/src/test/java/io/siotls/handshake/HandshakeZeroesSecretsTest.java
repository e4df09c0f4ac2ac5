package io.siotls.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ClientAuthentication;
import io.siotls.ConnectionOptions;
import io.siotls.TLSConfiguration;
import io.siotls.EarlyDataStatus;
import io.siotls.iana.CipherSuite;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client and a server handshake over a transport that keeps the very arrays of the secrets it
 * is handed: once connected, the handshake traffic secrets and the exporter secret are zeroed
 * (RFC 8446 §7.1), the application traffic secrets live on until KeyUpdate replaces them (§7.2).
 */
class HandshakeZeroesSecretsTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.EC_P256);

    @ParameterizedTest(name = "client authentication: {0}")
    @ValueSource(booleans = {false, true})
    void handshakeSecretsAreZeroedOnceConnected(boolean clientAuthentication) {
        TLSConfiguration.Builder serverConfig = Configs.server(SERVER);
        TLSConfiguration.Builder clientConfig = Configs.clientTrusting(SERVER);
        if (clientAuthentication) {
            serverConfig.truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
                    .clientAuthentication(ClientAuthentication.REQUIRED);
            clientConfig.privateKey(CLIENT.privateKey()).certificateChain(CLIENT.chain());
        }
        Recorder clientSide = new Recorder();
        Recorder serverSide = new Recorder();
        Handshake client = new ClientHandshake(new ConnectionPolicy(clientConfig.build(),
                ConnectionOptions.forHost("localhost")), Entropy.secure(), clientSide, Clock.systemUTC(),
                UnaryOperator.identity());
        Handshake server = new ServerHandshake(new ConnectionPolicy(serverConfig.build(), ConnectionOptions.none()),
                Entropy.secure(), serverSide, Clock.systemUTC());

        server.start();
        client.start();
        while (!clientSide.sent.isEmpty() || !serverSide.sent.isEmpty()) {
            clientSide.deliverTo(server);
            serverSide.deliverTo(client);
        }

        assertThat(client.isComplete()).isTrue();
        assertThat(server.isComplete()).isTrue();
        for (Recorder side : List.of(clientSide, serverSide)) {
            assertThat(side.write).hasSize(2);
            assertThat(side.read).hasSize(2);
            assertThat(side.write.get(0)).as("handshake write secret").containsOnly(0);
            assertThat(side.read.get(0)).as("handshake read secret").containsOnly(0);
            assertThat(side.logged.get("EXPORTER_SECRET")).as("exporter secret").containsOnly(0);
            assertThat(side.write.get(1)).as("application write secret").isNotEqualTo(new byte[side.write.get(1).length]);
            assertThat(side.read.get(1)).as("application read secret").isNotEqualTo(new byte[side.read.get(1).length]);
        }
        assertThat(clientSide.logged.get("CLIENT_TRAFFIC_SECRET_0")).isSameAs(clientSide.write.get(1));

        client.updateWriteKeys(false);

        assertThat(clientSide.write).hasSize(3);
        assertThat(clientSide.write.get(1)).as("replaced application write secret").containsOnly(0);
    }

    /** Keeps what the handshake hands over, by reference; queues the messages it sends. */
    private static final class Recorder implements HandshakeTransport {

        final ArrayDeque<byte[]> sent = new ArrayDeque<>();
        final List<byte[]> write = new ArrayList<>();
        final List<byte[]> read = new ArrayList<>();
        final Map<String, byte[]> logged = new HashMap<>();

        void deliverTo(Handshake peer) {
            while (!sent.isEmpty()) {
                byte[] message = sent.poll();
                peer.receive(message[0] & 0xff, message);
            }
        }

        @Override
        public void sendHandshake(byte[] message) {
            sent.add(message);
        }

        @Override
        public void sendChangeCipherSpec() {
        }

        @Override
        public void switchWriteKeys(CipherSuite suite, byte[] trafficSecret) {
            write.add(trafficSecret);
        }

        @Override
        public void switchReadKeys(CipherSuite suite, byte[] trafficSecret) {
            read.add(trafficSecret);
        }

        @Override
        public void skipRejectedEarlyData(int maxBytes) {
        }

        @Override
        public void sendEarlyData(byte[] data) {
            throw new UnsupportedOperationException("these handshakes send no early data");
        }

        @Override
        public void removeWriteProtection() {
        }

        @Override
        public void earlyDataSettled(EarlyDataStatus status) {
        }

        @Override
        public void limitRecordPlaintext(int maxPlaintext) {
        }

        @Override
        public void limitReceivedRecords(int maxInnerPlaintext) {
        }

        @Override
        public void logSecret(String label, byte[] clientRandom, byte[] secret) {
            logged.put(label, secret);
        }
    }
}
