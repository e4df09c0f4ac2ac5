package io.siotls.it.datastores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.couchbase.client.core.env.Authenticator;
import io.siotls.Side;
import io.siotls.jsse.HandshakeEvent;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boot's Couchbase cluster given {@code spring.couchbase.env.ssl.bundle: siotls-client}: the
 * application starts (the bundle's options are unspecified, as Boot's Couchbase support
 * requires) and the SDK's bootstrap connection is a TLS 1.3 handshake our engine runs on both
 * ends, where Boot alone would give the SDK only the bundle's trust managers and the JDK's TLS.
 * A Couchbase client certificate beside a siotls bundle, which would go unused, stops the
 * application.
 */
class CouchbaseOnSiotlsTest {

    @TempDir
    Path pkiDir;

    @Test
    void theSdksFirstConnectionIsASiotlsHandshake() throws Exception {
        try (SiotlsTestServer server = SiotlsTestServer.start(pkiDir);
                ConfigurableApplicationContext application = DataStoreApplication.run(
                        DataStoreApplication.MONGODB + "," + DataStoreApplication.CASSANDRA,
                        MongoOnSiotlsTest.withClient(pkiDir,
                                "spring.couchbase.connection-string=couchbases://localhost:" + server.port(),
                                "spring.couchbase.username=siotls", "spring.couchbase.password=secret",
                                "spring.couchbase.env.ssl.bundle=siotls-client",
                                "spring.couchbase.env.timeouts.disconnect=1s"))) {
            assertThat(application.getBean(Authenticator.class).toString()).endsWith(" on siotls");
            ClientHandshakes client = application.getBean(ClientHandshakes.class);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(client.events()).filteredOn(HandshakeEvent::succeeded).isNotEmpty();
                assertThat(server.handshakes()).filteredOn(HandshakeEvent::succeeded).isNotEmpty();
            });
            HandshakeEvent first = client.events().stream().filter(HandshakeEvent::succeeded).findFirst().orElseThrow();
            assertThat(first.side()).isEqualTo(Side.CLIENT);
            assertThat(first.negotiated().peerCertificateChain().get(0).getSubjectX500Principal().getName())
                    .isEqualTo("CN=localhost");
        }
    }

    @Test
    void aCouchbaseClientCertificateBesideASiotlsBundleStopsTheApplicationNamingTheBundleProperty() throws Exception {
        try (SiotlsTestServer server = SiotlsTestServer.start(pkiDir)) {
            assertThatThrownBy(() -> DataStoreApplication.run(
                    DataStoreApplication.MONGODB + "," + DataStoreApplication.CASSANDRA,
                    MongoOnSiotlsTest.withClient(pkiDir,
                            "spring.couchbase.connection-string=couchbases://localhost:" + server.port(),
                            "spring.couchbase.authentication.pem.certificates="
                                    + TestPki.location(pkiDir.resolve("client.pem")),
                            "spring.couchbase.authentication.pem.private-key="
                                    + TestPki.location(pkiDir.resolve("client-key.pem")),
                            "spring.couchbase.env.ssl.bundle=siotls-client")).close())
                    .rootCause().isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
                            refused -> assertThat(refused.getName()).isEqualTo("spring.couchbase.env.ssl.bundle"));
        }
    }
}
