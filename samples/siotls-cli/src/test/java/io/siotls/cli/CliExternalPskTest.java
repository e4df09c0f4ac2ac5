package io.siotls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.ExternalProcess;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --psk HEX --psk-identity ID} and {@code --psk-ke-without-forward-secrecy}, as
 * {@code openssl s_server/s_client -psk -psk_identity} and {@code -allow_no_dhe_kex}: the siotls
 * client with a certificate-less OpenSSL server, the certificate-less siotls server with
 * OpenSSL's client, and the mistakes on the command line.
 */
class CliExternalPskTest {

    private static final String KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome cli(byte[] input, ByteArrayOutputStream err, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = SiotlsCli.run(args, new ByteArrayInputStream(input), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Outcome cli(String... args) {
        return cli(new byte[0], new ByteArrayOutputStream(), args);
    }

    @Test
    void clientAuthenticatesToACertificateLessOpenSslServerWithThePsk() throws Exception {
        try (OpenSslServer server = OpenSslServer.startWithoutCertificate("-psk", KEY, "-psk_identity", "client-1",
                "-naccept", "1", "-www")) {
            Outcome outcome = cli("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), new ByteArrayOutputStream(),
                    "client", "127.0.0.1:" + server.port(), "--psk", KEY, "--psk-identity", "client-1");
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.OK);
            assertThat(outcome.err()).contains("Authenticated  : by the external PSK 'client-1'")
                    .contains("Cipher suite   : TLS_AES_128_GCM_SHA256").contains("Peer credential: none");
            assertThat(outcome.out()).contains("Cipher is TLS_AES_128_GCM_SHA256");
        }
    }

    @Test
    void aCertificateLessServerServesOpenSslsPskClientAndStillPrefersPskDheKe() throws Exception {
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        CompletableFuture<Outcome> served = CompletableFuture.supplyAsync(() -> cli(new byte[0], serverErr, "server",
                "--port", "0", "--bind", "127.0.0.1", "--www", "--naccept", "1", "--psk", KEY,
                "--psk-identity", "client-1", "--psk-ke-without-forward-secrecy"));
        int port = ListeningPort.of(serverErr, served);
        try (ExternalProcess client = OpenSslClient.start(port, "-psk", KEY, "-psk_identity", "client-1",
                "-allow_no_dhe_kex", "-ign_eof")) {
            client.write("GET / HTTP/1.0\r\n\r\n");
            String page = client.awaitOutput(out -> out.contains("external PSK"), Duration.ofSeconds(20));
            assertThat(page).contains("external PSK 'client-1'").doesNotContain("group none");
        }
        Outcome outcome = served.get(20, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(SiotlsCli.OK);
    }

    @Test
    void mistakesAreUsageOrConfigurationErrors() {
        Outcome alone = cli("client", "localhost:1", "--psk", KEY);
        assertThat(alone.exitCode()).isEqualTo(SiotlsCli.USAGE);
        assertThat(alone.err()).contains("--psk and --psk-identity go together");

        Outcome notHex = cli("client", "localhost:1", "--psk", "xyz", "--psk-identity", "a");
        assertThat(notHex.exitCode()).isEqualTo(SiotlsCli.USAGE);
        assertThat(notHex.err()).contains("--psk: 'xyz' is not hexadecimal");

        Outcome tooShort = cli("server", "--port", "0", "--psk", "00112233", "--psk-identity", "a");
        assertThat(tooShort.exitCode()).isEqualTo(SiotlsCli.CONFIGURATION);
        assertThat(tooShort.err()).contains("is 4 bytes; at least 16");

        Outcome noCredential = cli("server", "--port", "0");
        assertThat(noCredential.exitCode()).isEqualTo(SiotlsCli.CONFIGURATION);
        assertThat(noCredential.err()).contains("unless the server authenticates with external_psks only");
    }
}
