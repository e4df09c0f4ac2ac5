package io.siotls.it.datastores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import io.siotls.jsse.HandshakeEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boot's Cassandra session given {@code spring.cassandra.ssl.bundle: siotls-client}: the
 * application starts (the bundle specifies no protocols, as Boot's Cassandra support requires;
 * the session is lazy, as no Cassandra answers here) and the driver's first connection is a mutual
 * TLS 1.3 handshake our engine runs on both ends, after which the stand-in server hangs up.
 */
class CassandraOnSiotlsTest {

    @TempDir
    Path pkiDir;

    @Test
    void theDriversFirstConnectionIsASiotlsHandshake() throws Exception {
        try (SiotlsTestServer server = SiotlsTestServer.start(pkiDir);
                ConfigurableApplicationContext application = DataStoreApplication.run(
                        DataStoreApplication.MONGODB + "," + DataStoreApplication.COUCHBASE,
                        MongoOnSiotlsTest.withClient(pkiDir, "spring.main.lazy-initialization=true",
                                "spring.cassandra.contact-points=localhost:" + server.port(),
                                "spring.cassandra.local-datacenter=dc1", "spring.cassandra.connection.connect-timeout=5s",
                                "spring.cassandra.ssl.bundle=siotls-client"))) {
            ClientHandshakes client = application.getBean(ClientHandshakes.class);
            assertThatThrownBy(() -> application.getBean(CqlSession.class)).as("no Cassandra answers")
                    .hasStackTraceContaining("AllNodesFailedException");
            assertThat(client.events()).filteredOn(HandshakeEvent::succeeded).isNotEmpty();
            assertThat(server.handshakes()).filteredOn(HandshakeEvent::succeeded).first()
                    .satisfies(event -> assertThat(event.negotiated().peerCertificateChain().get(0)
                            .getSubjectX500Principal().getName()).isEqualTo("CN=client.example"));
        }
    }
}
