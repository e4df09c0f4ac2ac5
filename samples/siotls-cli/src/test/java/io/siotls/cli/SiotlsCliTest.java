package io.siotls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.PeerCommand;
import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificates;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import io.siotls.testing.Pem;
import io.siotls.testing.Pkcs8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The siotls command against OpenSSL: our client with {@code openssl s_server}, our server with {@code openssl s_client}. */
class SiotlsCliTest {

    @TempDir
    static Path pkiDir;

    @TempDir
    static Path otherDir;

    private static DevelopmentCertificates pki;
    private static DevelopmentCertificates other;

    @BeforeAll
    static void makePki() {
        pki = DevelopmentCertificates.inDirectory(pkiDir);
        other = DevelopmentCertificates.inDirectory(otherDir);
    }

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome cli(InputStream in, String... args) {
        return cli(in, new ByteArrayOutputStream(), args);
    }

    private static Outcome cli(InputStream in, ByteArrayOutputStream err, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SiotlsCli.run(args, in, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Outcome cli(String... args) {
        return cli(new ByteArrayInputStream(new byte[0]), args);
    }

    private static String file(DevelopmentCertificates certificates, String name) {
        return certificates.file(name).toString();
    }

    @Test
    void clientAgainstOpensslServerPrintsTheHandshakeAndPipesTheData() throws Exception {
        int port = freePort();
        Process server = openSslServer(port, "-www");
        try {
            Outcome outcome = cli(new ByteArrayInputStream("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                    "client", "localhost:" + port, "--cafile", file(pki, DevelopmentCertificates.CA),
                    "--groups", "secp256r1", "--suites", "TLS_AES_256_GCM_SHA384");
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.OK);
            assertThat(outcome.err()).contains("Cipher suite   : TLS_AES_256_GCM_SHA384")
                    .contains("Key exchange   : secp256r1").contains(" 0 subject: CN=localhost")
                    .contains("   issuer : CN=siotls development CA");
            assertThat(outcome.out()).startsWith("HTTP/1.0 200 ok").contains("TLSv1.3")
                    .contains("Cipher is TLS_AES_256_GCM_SHA384");
        } finally {
            stop(server);
        }
    }

    /** The other development CA has the same name as the trusted one, so its signature is what fails. */
    @Test
    void clientRefusesAServerItDoesNotTrust() throws Exception {
        int port = freePort();
        Process server = openSslServer(port, "-www");
        try {
            Outcome outcome = cli("client", "localhost:" + port, "--cafile", file(other, DevelopmentCertificates.CA));
            assertThat(outcome.exitCode()).isEqualTo(SiotlsCli.HANDSHAKE_FAILED);
            assertThat(outcome.err()).contains("siotls: TLS handshake failed: bad_certificate: the signature of "
                    + "certificate 'CN=localhost' is invalid");
        } finally {
            stop(server);
        }
    }

    @Test
    void serverAgainstOpensslClientWithMutualTlsAndAlpn() throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer);
        toServer.write("from siotls\n".getBytes(StandardCharsets.US_ASCII));
        toServer.flush();
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        CompletableFuture<Outcome> served = CompletableFuture.supplyAsync(() -> cli(serverIn, serverErr, "server",
                "--port", "0", "--cert", file(pki, DevelopmentCertificates.SERVER_CHAIN),
                "--key", file(pki, DevelopmentCertificates.SERVER_KEY), "--cafile", file(pki, DevelopmentCertificates.CA),
                "--alpn", "h2,http/1.1"));
        int port = ListeningPort.of(serverErr, served);
        PeerCommand.require("openssl");
        Process client = new ProcessBuilder("openssl", "s_client", "-connect", "localhost:" + port, "-tls1_3",
                "-CAfile", file(pki, DevelopmentCertificates.CA), "-verify_return_error",
                "-cert", file(pki, DevelopmentCertificates.CLIENT_CHAIN), "-key", file(pki, DevelopmentCertificates.CLIENT_KEY),
                "-alpn", "h2", "-brief").redirectErrorStream(true).start();
        try (OutputStream stdin = client.getOutputStream()) {
            Thread.sleep(500);
            stdin.write("from openssl\n".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            Thread.sleep(500);
        }
        Outcome outcome = served.get(20, TimeUnit.SECONDS);
        toServer.close();
        String openssl = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.OK);
        assertThat(outcome.out()).isEqualTo("from openssl\n");
        assertThat(outcome.err()).contains("ALPN           : h2").contains(" 0 subject: CN=siotls development client")
                .contains("Resumed        : no");
        assertThat(openssl).contains("from siotls");
    }

    @Test
    void wwwServerAsksOpensslsClientForItsCertificateAfterTheHandshakeOnThePhaPath() throws Exception {
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        CompletableFuture<Outcome> served = CompletableFuture.supplyAsync(() -> cli(
                new ByteArrayInputStream(new byte[0]), serverErr, "server", "--port", "0", "--www", "--naccept", "1",
                "--cert", file(pki, DevelopmentCertificates.SERVER_CHAIN),
                "--key", file(pki, DevelopmentCertificates.SERVER_KEY), "--cafile", file(pki, DevelopmentCertificates.CA),
                "--verify-client", "none", "--pha-on", "/secret"));
        int port = ListeningPort.of(serverErr, served);
        PeerCommand.require("openssl");
        Process client = new ProcessBuilder("openssl", "s_client", "-connect", "localhost:" + port, "-tls1_3",
                "-CAfile", file(pki, DevelopmentCertificates.CA), "-enable_pha", "-ign_eof",
                "-cert", file(pki, DevelopmentCertificates.CLIENT_CHAIN), "-key", file(pki, DevelopmentCertificates.CLIENT_KEY),
                "-quiet").redirectErrorStream(true).start();
        try (OutputStream stdin = client.getOutputStream()) {
            Thread.sleep(500);
            stdin.write("GET /secret HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
            assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        Outcome outcome = served.get(20, TimeUnit.SECONDS);
        String openssl = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.OK);
        assertThat(openssl).contains("HTTP/1.0 200 ok").contains("client CN=siotls development client");
    }

    @Test
    void clientPinsGnutlsRawPublicKeyAndLogsTheKeys() throws Exception {
        KeyPair keys = KeyPairs.generate(KeyType.ED25519);
        Path key = Files.writeString(pkiDir.resolve("rpk-key.pem"), Pem.encode("PRIVATE KEY", Pkcs8.encode(keys)));
        Path pub = Files.writeString(pkiDir.resolve("rpk-pub.pem"), Pem.encode("PUBLIC KEY", keys.getPublic().getEncoded()));
        Path keyLog = pkiDir.resolve("cli-keylog.txt");
        try (GnutlsServer server = GnutlsServer.start(Gnutls.tls13().rawPublicKeysOnly(),
                List.of("--rawpkkeyfile", key.toString(), "--rawpkfile", pub.toString(), "--disable-client-cert"))) {
            Outcome outcome = cli(new ByteArrayInputStream("ping\n".getBytes(StandardCharsets.US_ASCII)), "client",
                    "localhost:" + server.port(), "--trusted-key", pub.toString(), "--keylog", keyLog.toString());
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.OK);
            assertThat(outcome.out()).isEqualTo("ping\n");
            String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(keys.getPublic().getEncoded()));
            assertThat(outcome.err()).contains("Peer raw public key: " + keys.getPublic().getAlgorithm() + ", SHA-256 "
                    + fingerprint);
        }
        assertThat(Files.readAllLines(keyLog)).hasSize(5).extracting(line -> line.split(" ")[0]).containsExactlyInAnyOrder(
                "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0",
                "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        Outcome none = cli();
        assertThat(none.exitCode()).isEqualTo(SiotlsCli.USAGE);
        assertThat(none.err()).contains("the first argument must be client or server").contains("usage: siotls client");
        Outcome badGroup = cli("client", "localhost:443", "--groups", "x25519,curve9");
        assertThat(badGroup.exitCode()).isEqualTo(SiotlsCli.USAGE);
        assertThat(badGroup.err()).contains("--groups: ").contains("curve9");
        assertThat(cli("server").err()).contains("server needs --port N");
        assertThat(cli("client", "localhost").err()).contains("'localhost' is not HOST:PORT");
        assertThat(cli("client", "localhost:1", "--insecure", "--cafile", "x.pem").exitCode()).isEqualTo(SiotlsCli.USAGE);
    }

    @Test
    void helpPrintsTheUsageOnStandardOutputAndExitsWithZero() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"},
                new String[] {"client", "--help"}, new String[] {"server", "--port", "443", "-h"})) {
            Outcome outcome = cli(args);
            assertThat(outcome.exitCode()).as(String.join(" ", args)).isEqualTo(SiotlsCli.OK);
            assertThat(outcome.out()).startsWith("usage: siotls client HOST:PORT").contains("--help, -h");
            assertThat(outcome.err()).isEmpty();
        }
    }

    @Test
    void quietPrintsNeitherTheSummaryNorTheConnectionLine() throws Exception {
        int port = freePort();
        Process server = openSslServer(port, "-www");
        try {
            Outcome outcome = cli(new ByteArrayInputStream("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                    "client", "localhost:" + port, "--cafile", file(pki, DevelopmentCertificates.CA), "--quiet");
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.OK);
            assertThat(outcome.out()).startsWith("HTTP/1.0 200 ok");
            assertThat(outcome.err()).doesNotContain("Connected to").doesNotContain("Cipher suite");
        } finally {
            stop(server);
        }
    }

    /**
     * A server that requires a certificate refuses the client after the client's Finished (RFC
     * 8446 §4.4.2.4) while the client is sending: what the client reports is the alert, not the
     * sending end that stopped because of it. Ten connections, as the two threads race.
     */
    @Test
    void aRefusedClientReportsTheAlertRatherThanItsStoppedSendingEnd() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = freePort();
            Process server = openSslServer(port, "-Verify", "1", "-CAfile", file(pki, DevelopmentCertificates.CA));
            try {
                Outcome outcome = cli(new EndlessInput(), "client", "localhost:" + port,
                        "--cafile", file(pki, DevelopmentCertificates.CA));
                assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.HANDSHAKE_FAILED);
                assertThat(outcome.err()).contains("certificate_required").doesNotContain("sending stopped");
            } finally {
                stop(server);
            }
        }
    }

    /** Standard input that never ends, as fast as it is read: the client is always sending. */
    private static final class EndlessInput extends InputStream {

        @Override
        public int read() {
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            return length;
        }
    }

    @Test
    void aMissingFileExitsWithFourNamingIt() {
        Outcome outcome = cli("client", "localhost:443", "--cafile", pkiDir.resolve("missing.pem").toString());
        assertThat(outcome.exitCode()).isEqualTo(SiotlsCli.CONFIGURATION);
        assertThat(outcome.err()).contains("missing.pem");
    }

    @Test
    void aRefusedConnectionExitsWithThree() throws IOException {
        Outcome outcome = cli("client", "localhost:" + freePort(), "--cafile", file(pki, DevelopmentCertificates.CA));
        assertThat(outcome.exitCode()).isEqualTo(SiotlsCli.NETWORK);
        assertThat(outcome.err()).contains("ConnectException");
    }

    private static Process openSslServer(int port, String... extra) throws Exception {
        PeerCommand.require("openssl");
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_server", "-accept", Integer.toString(port),
                "-tls1_3", "-cert", file(pki, DevelopmentCertificates.SERVER_CHAIN),
                "-key", file(pki, DevelopmentCertificates.SERVER_KEY), "-naccept", "1"));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && !line.startsWith("ACCEPT")) {
            continue;
        }
        assertThat(line).as("openssl s_server accepting").isNotNull();
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
