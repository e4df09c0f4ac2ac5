package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ConnectionOptions;
import io.siotls.EarlyDataStatus;
import io.siotls.LruClientSessionCache;
import io.siotls.TLSConfiguration;
import io.siotls.connection.TLSConnection;
import io.siotls.testing.Configs;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PeerCommand;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 0-RTT with real peers (RFC 8446 §2.3): {@code openssl s_client -sess_out}, then
 * {@code -sess_in -early_data FILE} against our server, which reads the early data before the
 * handshake completes, and {@code gnutls-cli --resume --earlydata FILE} likewise; our client's
 * early data to {@code openssl s_server -early_data}, which prints it, and to
 * {@code gnutls-serv --earlydata}, which accepts it.
 */
class EarlyDataInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    /** What our server saw on one connection. */
    record Seen(EarlyDataStatus status, boolean resumed, String earlyData, String line) {
    }

    @Test
    void opensslClientSendsEarlyDataToOurServer() throws Exception {
        PeerCommand.require("openssl");
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).maxEarlyData(16384).build();
        Path session = dir.resolve("session.pem");
        Path early = dir.resolve("early.txt");
        Files.writeString(early, "early hello\n");
        try (ServerSocket listener = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<Seen>> served = CompletableFuture.supplyAsync(() -> serve(listener, config, 2));
            String ca = identity.writePem(dir).ca().toString();
            try (ExternalProcess first = OpenSslClient.start(listener.getLocalPort(), "-CAfile", ca,
                    "-sess_out", session.toString())) {
                first.write("first\n");
                first.awaitOutput(out -> out.contains("pong: first"), WAIT);
            }
            String output;
            try (ExternalProcess second = OpenSslClient.start(listener.getLocalPort(), "-CAfile", ca,
                    "-sess_in", session.toString(), "-early_data", early.toString())) {
                second.write("second\n");
                output = second.awaitOutput(out -> out.contains("pong: second"), WAIT);
            }
            List<Seen> seen = served.get(20, TimeUnit.SECONDS);

            assertThat(seen.get(0).status()).isEqualTo(EarlyDataStatus.NOT_OFFERED);
            assertThat(seen.get(1).resumed()).isTrue();
            assertThat(seen.get(1).status()).isEqualTo(EarlyDataStatus.ACCEPTED);
            assertThat(seen.get(1).earlyData()).isEqualTo("early hello\n");
            assertThat(seen.get(1).line()).isEqualTo("second\n");
            assertThat(output).contains("Reused, TLSv1.3").contains("Early data was accepted");
        }
    }

    @Test
    void ourClientSendsEarlyDataToOpensslServer() throws Exception {
        PeerCommand.require("openssl");
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        LruClientSessionCache cache = new LruClientSessionCache(10, Duration.ZERO);
        try (OpenSslServer server = OpenSslServer.start(identity.writePem(dir), "-early_data")) {
            try (SocketConnection first = connect(server.port(), config, cache, null)) {
                first.write("first\n");
                server.process().awaitOutput(out -> out.contains("first"), WAIT);
                first.readUntil(bytes -> cache.size() > 0, Duration.ofSeconds(2));
            }
            try (SocketConnection second = connect(server.port(), config, cache, "early hello\n")) {
                assertThat(second.tls().earlyDataStatus()).isEqualTo(EarlyDataStatus.ACCEPTED);
                assertThat(second.tls().nconfig().resumed()).isTrue();
                second.write("after\n");
                String output = server.process().awaitOutput(out -> out.contains("after"), WAIT);
                assertThat(output).contains("Early data received:").contains("early hello");
                assertThat(output.indexOf("early hello")).isLessThan(output.lastIndexOf("after"));
            }
        }
    }

    @Test
    void ourClientSendsEarlyDataToGnutlsServer() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        LruClientSessionCache cache = new LruClientSessionCache(10, Duration.ZERO);
        try (GnutlsServer server = GnutlsServer.start(identity, dir, Gnutls.tls13(), "--earlydata")) {
            try (SocketConnection first = connect(server.port(), config, cache, null)) {
                first.write("first\n");
                first.readUntilContains("first\n", WAIT);
            }
            try (SocketConnection second = connect(server.port(), config, cache, "early hello\n")) {
                assertThat(second.tls().earlyDataStatus()).as("gnutls-serv opened our early data records")
                        .isEqualTo(EarlyDataStatus.ACCEPTED);
                assertThat(second.tls().nconfig().resumed()).isTrue();
                second.write("after\n");
                assertThat(second.readUntilContains("after\n", WAIT)).as("--echo echoes the 1-RTT data only")
                        .isEqualTo("after\n");
            }
        }
    }

    @Test
    void gnutlsClientSendsEarlyDataToOurServer() throws Exception {
        PeerCommand.require("gnutls-cli");
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.server(identity).maxEarlyData(16384).build();
        Path early = dir.resolve("early.txt");
        Files.writeString(early, "early hello\n");
        try (ServerSocket listener = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<Seen>> served = CompletableFuture.supplyAsync(() -> serve(listener, config, 2));
            try (ExternalProcess client = ExternalProcess.start(List.of("gnutls-cli", "--resume",
                    "--earlydata=" + early, "--x509cafile=" + identity.writePem(dir).ca(),
                    "--port=" + listener.getLocalPort(), "localhost"))) {
                client.awaitOutput(out -> out.contains("This is a resumed session"), WAIT);
                client.write("second\n");
                List<Seen> seen = served.get(20, TimeUnit.SECONDS);

                assertThat(seen.get(1).resumed()).isTrue();
                assertThat(seen.get(1).status()).isEqualTo(EarlyDataStatus.ACCEPTED);
                assertThat(seen.get(1).earlyData()).isEqualTo("early hello\n");
                assertThat(seen.get(1).line()).isEqualTo("second\n");
            }
        }
    }

    private static SocketConnection connect(int port, TLSConfiguration config, LruClientSessionCache cache,
            String early) throws IOException {
        SocketConnection connection = SocketConnection.connect(port, config, ConnectionOptions.builder()
                .serverName("localhost").verificationHostname("localhost").sessionCache(cache, "localhost", port)
                .build());
        if (early != null) {
            connection.tls().sendEarlyData(early.getBytes(StandardCharsets.UTF_8));
        }
        connection.handshake();
        return connection;
    }

    /**
     * Our server, for {@code count} connections one after the other: each reads early data as it
     * comes, then one line, which it answers with "pong: " and the line.
     */
    private static List<Seen> serve(ServerSocket listener, TLSConfiguration config, int count) {
        List<Seen> seen = new ArrayList<>();
        try {
            listener.setSoTimeout(20_000);
            for (int i = 0; i < count; i++) {
                try (Socket socket = listener.accept()) {
                    socket.setSoTimeout(20_000);
                    seen.add(serveOne(socket, new TLSConnection(config)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seen;
    }

    private static Seen serveOne(Socket socket, TLSConnection tls) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream early = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        tls.initiateConnection();
        byte[] buffer = new byte[16384];
        while (!data.toString(StandardCharsets.UTF_8).contains("\n")) {
            int read = in.read(buffer);
            if (read < 0) {
                tls.closeReceivingEnd();
                break;
            }
            try {
                tls.receiveData(buffer, 0, read);
            } finally {
                out.write(tls.dataToSend());
            }
            early.writeBytes(tls.earlyDataToRead());
            data.writeBytes(tls.dataToRead());
        }
        String line = data.toString(StandardCharsets.UTF_8);
        if (!tls.isSendingOpen()) {
            return new Seen(tls.earlyDataStatus(), false, early.toString(StandardCharsets.UTF_8), line);
        }
        tls.sendData(("pong: " + line).getBytes(StandardCharsets.UTF_8));
        tls.closeSendingEnd();
        out.write(tls.dataToSend());
        out.flush();
        return new Seen(tls.earlyDataStatus(), tls.nconfig().resumed(), early.toString(StandardCharsets.UTF_8), line);
    }
}
