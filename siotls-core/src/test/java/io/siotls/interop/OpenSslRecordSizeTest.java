package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** max_fragment_length (RFC 6066 §4) with OpenSSL, which negotiates it instead of record_size_limit. */
class OpenSslRecordSizeTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);
    private static final int LIMIT = 1024;
    private static final int TAG_AND_TYPE = 17;

    @TempDir
    Path dir;

    /** The lengths of the records {@code openssl -msg} reports in {@code direction} ("<<<" or ">>>"). */
    private static List<Integer> recordLengths(String output, String direction) {
        Matcher matcher = Pattern.compile(Pattern.quote(direction) + " TLS 1.2, RecordHeader \\[length ([0-9a-f]{4})\\]")
                .matcher(output);
        List<Integer> lengths = new java.util.ArrayList<>();
        while (matcher.find()) {
            lengths.add(Integer.parseInt(matcher.group(1), 16));
        }
        return lengths;
    }

    @Test
    void ourServerHonoursTheMaxFragmentLengthOpenSslAsksFor() throws Exception {
        TLSConfiguration config = Configs.server(IDENTITY).build();
        String reply = "x".repeat(10_000) + "\n";
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
                try (SocketConnection connection = SocketConnection.accept(listener, config)) {
                    connection.handshake();
                    connection.readUntilContains("\n", Duration.ofSeconds(10));
                    connection.write(reply);
                    return connection.tls().nconfig().maxFragmentLength();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (ExternalProcess client = OpenSslClient.start(listener.getLocalPort(), "-CAfile",
                    IDENTITY.writePem(dir).ca().toString(), "-maxfraglen", Integer.toString(LIMIT), "-msg")) {
                client.write("big please\n");
                String output = client.awaitOutput(out -> out.chars().filter(c -> c == 'x').count() >= 10_000,
                        Duration.ofSeconds(15));
                assertThat(recordLengths(output, "<<<")).isNotEmpty()
                        .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(LIMIT + TAG_AND_TYPE));
            }
            assertThat(served.get(15, TimeUnit.SECONDS)).isEqualTo(LIMIT);
        }
    }

    @Test
    void ourClientAsksOpenSslForSmallRecordsAndSendsSmallOnes() throws Exception {
        TLSConfiguration config = Configs.clientTrusting(IDENTITY).maxFragmentLength(MaxFragmentLength.MAX_1024).build();
        String line = "y".repeat(6_000);
        try (OpenSslServer server = OpenSslServer.start(IDENTITY.writePem(dir), "-naccept", "1", "-rev", "-msg");
             SocketConnection client = SocketConnection.connect(server.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().maxFragmentLength()).isEqualTo(LIMIT);
            client.write(line + "\n");
            assertThat(client.readUntilContains(line, Duration.ofSeconds(10))).contains(line);
            String output = server.process().awaitOutput(
                    out -> recordLengths(out, "<<<").size() > 6 && recordLengths(out, ">>>").size() > 6,
                    Duration.ofSeconds(10));
            List<Integer> received = recordLengths(output, "<<<");
            List<Integer> sent = recordLengths(output, ">>>");
            assertThat(received).as("records OpenSSL received from us").hasSizeGreaterThan(6)
                    .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(LIMIT + TAG_AND_TYPE));
            assertThat(sent).as("records OpenSSL sent us")
                    .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(LIMIT + TAG_AND_TYPE));
        }
    }
}
