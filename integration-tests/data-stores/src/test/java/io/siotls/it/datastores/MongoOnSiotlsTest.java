package io.siotls.it.datastores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.siotls.Side;
import io.siotls.jsse.HandshakeEvent;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boot's MongoDB client, synchronous and reactive, given {@code spring.mongodb.ssl.bundle:
 * siotls-client}: the application starts (the bundle's options are unspecified, as Boot's MongoDB
 * support requires) and the driver's first connection, made by its monitor as the client starts,
 * is a mutual TLS 1.3 handshake our engine runs on both ends.
 */
class MongoOnSiotlsTest {

    @TempDir
    Path pkiDir;

    @Test
    void theSyncDriversFirstConnectionIsASiotlsHandshake() throws Exception {
        firstConnectionIsASiotlsHandshake(DataStoreApplication.MONGODB_REACTIVE);
    }

    @Test
    void theReactiveDriversFirstConnectionIsASiotlsHandshake() throws Exception {
        firstConnectionIsASiotlsHandshake(DataStoreApplication.MONGODB_SYNC);
    }

    private void firstConnectionIsASiotlsHandshake(String otherClient) throws Exception {
        try (SiotlsTestServer server = SiotlsTestServer.start(pkiDir);
                ConfigurableApplicationContext application = DataStoreApplication.run(
                        otherClient + "," + DataStoreApplication.CASSANDRA + "," + DataStoreApplication.COUCHBASE,
                        withClient(pkiDir, "spring.mongodb.uri=mongodb://localhost:" + server.port() + "/test",
                                "spring.mongodb.ssl.bundle=siotls-client"))) {
            ClientHandshakes client = application.getBean(ClientHandshakes.class);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(client.events()).filteredOn(HandshakeEvent::succeeded).isNotEmpty();
                assertThat(server.handshakes()).filteredOn(HandshakeEvent::succeeded).isNotEmpty();
            });
            HandshakeEvent first = client.events().get(0);
            assertThat(first.side()).isEqualTo(Side.CLIENT);
            assertThat(first.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=localhost");
            assertThat(server.handshakes().get(0).negotiated().peerCertificateChain().get(0)
                    .getSubjectX500Principal().getName()).as("the bundle's client certificate")
                    .isEqualTo("CN=client.example");
        }
    }

    static String[] withClient(Path pkiDir, String... properties) {
        String[] client = SiotlsTestServer.clientProperties(pkiDir);
        String[] all = new String[client.length + properties.length];
        System.arraycopy(client, 0, all, 0, client.length);
        System.arraycopy(properties, 0, all, client.length, properties.length);
        return all;
    }
}
