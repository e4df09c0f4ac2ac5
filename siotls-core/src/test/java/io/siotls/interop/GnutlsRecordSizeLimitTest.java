package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.GnutlsPeer;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.PemFiles;
import io.siotls.testing.RecordRelay;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * record_size_limit (RFC 8449) with GnuTLS, which sends it: a relay between the peers measures
 * every record on the wire, and GnuTLS itself refuses records over the limit it announced.
 */
class GnutlsRecordSizeLimitTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    /** A protected record holds the content, its one-byte type and the AEAD tag. */
    private static final int TAG = 16;

    @TempDir
    Path dir;

    @Test
    void ourServerSendsRecordsWithinTheLimitGnutlsClientAnnounces() throws Exception {
        int limit = 512;
        TLSConfiguration config = Configs.server(IDENTITY).build();
        String reply = "z".repeat(8_000);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RecordRelay relay = new RecordRelay(listener.getLocalPort())) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (SocketConnection connection = SocketConnection.accept(listener, config)) {
                    connection.handshake();
                    connection.readUntilContains("\n", Duration.ofSeconds(10));
                    connection.write(reply + "\n");
                    return connection.tls().nconfig().maxFragmentLength();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            PemFiles pem = IDENTITY.writePem(dir);
            try (ExternalProcess gnutls = GnutlsPeer.startClient(relay.port(), "--priority", GnutlsPeer.tls13(""),
                    "--x509cafile", pem.ca().toString(), "--recordsize", Integer.toString(limit))) {
                gnutls.write("big please\n");
                gnutls.awaitOutput(out -> out.contains(reply), Duration.ofSeconds(15));
            }
            assertThat(served.get(15, TimeUnit.SECONDS)).as("GnuTLS's --recordsize counts content bytes")
                    .isEqualTo(limit);
            List<Integer> records = relay.recordsToClient();
            assertThat(records).as("records our server sent").hasSizeGreaterThan(8_000 / limit)
                    .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(limit + 1 + TAG));
        }
    }

    @Test
    void ourClientSendsRecordsWithinTheLimitGnutlsServerAnnounces() throws Exception {
        int limit = 512;
        PemFiles pem = IDENTITY.writePem(dir);
        TLSConfiguration config = Configs.clientTrusting(IDENTITY).build();
        String line = "w".repeat(6_000);
        try (GnutlsPeer.Server gnutls = GnutlsPeer.startServer("--x509certfile", pem.chain().toString(),
                "--x509keyfile", pem.key().toString(), "--priority", GnutlsPeer.tls13(""),
                "--recordsize", Integer.toString(limit), "--disable-client-cert");
             RecordRelay relay = new RecordRelay(gnutls.port());
             SocketConnection client = SocketConnection.connect(relay.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().maxFragmentLength()).isEqualTo(limit);
            client.write(line + "\n");
            assertThat(client.readUntilContains(line, Duration.ofSeconds(10))).contains(line);
            List<Integer> records = relay.recordsToServer();
            assertThat(records).as("records our client sent").hasSizeGreaterThan(6_000 / limit)
                    .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(limit + 1 + TAG));
        }
    }
}
