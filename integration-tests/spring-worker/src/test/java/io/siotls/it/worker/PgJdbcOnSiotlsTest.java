package io.siotls.it.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.it.support.HandshakeRecorder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.jvm.SiotlsSslSocketFactory;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The worker's DataSource (Boot's auto-configuration, HikariCP, PgJDBC) against a real PostgreSQL
 * that accepts only TLS 1.3 with a client certificate ({@code hostssl ... cert}): once through
 * {@code siotls.jvm-default-client} and PgJDBC's {@code DefaultJavaSSLFactory}, once through
 * {@link SiotlsSslSocketFactory} naming the named client {@code siotls.clients.db}'s bundle. Each
 * time the siotls engine runs the handshake and PostgreSQL reports TLSv1.3 and the client
 * certificate's subject, under which it logged the user in. Runs in the default execution only.
 */
@EnabledIfSystemProperty(named = "siotls.it.classpath", matches = "full")
class PgJdbcOnSiotlsTest {

    private static final String USER = "worker";

    @TempDir
    static Path directory;

    private static TestPki pki;
    private static TestPki.Leaf client;
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        pki = new TestPki(directory);
        TestPki.Leaf server = pki.leaf("server", "localhost");
        client = pki.leaf("client", USER);
        postgres = PostgresServer.start(server.chainFile(), server.keyFile(), pki.caFile(), USER);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private String url(String parameters) {
        return "jdbc:postgresql://localhost:" + postgres.port() + "/postgres?sslmode=verify-full&" + parameters;
    }

    @Test
    void jvmDefaultClientServesPgJdbcsDefaultJavaFactory() throws Exception {
        SSLContext before = SSLContext.getDefault();
        try (ConfigurableApplicationContext worker = worker(
                "spring.datasource.url=" + url("sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory"),
                "siotls.jvm-default-client=true",
                "siotls.client.certificate-chain=" + TestPki.location(client.chainFile()),
                "siotls.client.private-key=" + TestPki.location(client.keyFile()),
                "siotls.client.truststore=" + TestPki.location(pki.caFile()))) {
            SSLContext siotls = worker.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class);
            assertThat(SSLContext.getDefault()).isSameAs(siotls);
            HandshakeRecorder handshakes = HandshakeRecorder.attach(siotls);
            assertSessionOnTls13AsTheCertificatesUser(worker);
            assertThat(handshakes.completed()).as(postgres.log()).isNotEmpty();
        }
        assertThat(SSLContext.getDefault()).as("the JVM's default put back at close").isSameAs(before);
    }

    @Test
    void theFactoryServesPgJdbcFromANamedClientsBundle() throws Exception {
        SSLContext before = SSLContext.getDefault();
        try (ConfigurableApplicationContext worker = worker(
                "spring.datasource.url=" + url("sslfactory=" + SiotlsSslSocketFactory.class.getName()
                        + "&sslfactoryarg=siotls-db"),
                "siotls.clients.db.certificate-chain=" + TestPki.location(client.chainFile()),
                "siotls.clients.db.private-key=" + TestPki.location(client.keyFile()),
                "siotls.clients.db.truststore=" + TestPki.location(pki.caFile()))) {
            assertThat(SSLContext.getDefault()).as("the JVM's default untouched").isSameAs(before);
            HandshakeRecorder handshakes = HandshakeRecorder.attach(
                    worker.getBean(SslBundles.class).getBundle("siotls-db").createSslContext());
            HandshakeRecorder defaultClient = HandshakeRecorder.attach(
                    worker.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class));
            assertSessionOnTls13AsTheCertificatesUser(worker);
            assertThat(handshakes.completed()).as(postgres.log()).isNotEmpty();
            assertThat(defaultClient.completed()).isEmpty();
        }
    }

    @Test
    void withoutAClientCertificatePostgresRefusesTheConnection() {
        try (ConfigurableApplicationContext worker = worker(
                "spring.datasource.url=" + url("sslfactory=" + SiotlsSslSocketFactory.class.getName()),
                "siotls.client.truststore=" + TestPki.location(pki.caFile()))) {
            JdbcTemplate jdbc = worker.getBean(JdbcTemplate.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class))
                    .hasStackTraceContaining("certificate");
        }
    }

    private static void assertSessionOnTls13AsTheCertificatesUser(ConfigurableApplicationContext worker) {
        Map<String, Object> ssl = worker.getBean(JdbcTemplate.class).queryForMap(
                "SELECT ssl, version, client_dn, current_user AS login FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
        assertThat(ssl).containsEntry("ssl", true).containsEntry("version", "TLSv1.3")
                .containsEntry("client_dn", "/CN=" + USER).containsEntry("login", USER);
    }

    private static ConfigurableApplicationContext worker(String... properties) {
        return new SpringApplicationBuilder(WorkerApplication.class)
                .properties("logging.level.root=warn", "spring.datasource.username=" + USER,
                        "spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.connection-timeout=10000")
                .properties(properties).run();
    }
}
