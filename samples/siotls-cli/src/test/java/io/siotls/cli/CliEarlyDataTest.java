package io.siotls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificates;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PeerCommand;
import io.siotls.testing.PemFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 0-RTT modes of the command: {@code client --early-data FILE} against
 * {@code openssl s_server -early_data}, and {@code server --echo --early-data N} against
 * {@code openssl s_client -sess_out}, then {@code -sess_in -early_data FILE}.
 */
class CliEarlyDataTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void clientSendsTheFileAsEarlyDataToOpensslAndSaysItWasAccepted() throws Exception {
        PeerCommand.require("openssl");
        DevelopmentCertificates pki = DevelopmentCertificates.inDirectory(dir.resolve("pki"));
        Path early = Files.writeString(dir.resolve("early.txt"), "early hello\n");
        PemFiles identity = new PemFiles(pki.file(DevelopmentCertificates.SERVER_KEY),
                pki.file(DevelopmentCertificates.SERVER_CHAIN), pki.file(DevelopmentCertificates.CA));
        try (OpenSslServer server = OpenSslServer.start(identity, "-early_data", "-naccept", "2")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = SiotlsCli.run(new String[] {"client", "localhost:" + server.port(), "--cafile",
                    pki.file(DevelopmentCertificates.CA).toString(), "--early-data", early.toString()},
                    new ByteArrayInputStream("after\n".getBytes(StandardCharsets.US_ASCII)), out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            String summary = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(summary).isEqualTo(SiotlsCli.OK);
            assertThat(summary).contains("Session ticket received; reconnecting with 12 bytes of early data")
                    .contains("Resumed        : yes").contains("Early data     : accepted (12 bytes)");
            String printed = server.process().awaitOutput(output -> output.contains("after"), WAIT);
            assertThat(printed).contains("Early data received:").contains("early hello");
        }
    }

    @Test
    void echoServerReadsOpensslsEarlyDataPrintsItAndEchoesIt() throws Exception {
        PeerCommand.require("openssl");
        DevelopmentCertificates pki = DevelopmentCertificates.inDirectory(dir.resolve("pki"));
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> SiotlsCli.run(new String[] {"server",
                "--port", "0", "--bind", "127.0.0.1", "--cert", pki.file(DevelopmentCertificates.SERVER_CHAIN).toString(),
                "--key", pki.file(DevelopmentCertificates.SERVER_KEY).toString(), "--echo", "--naccept", "2",
                "--early-data", "16384"}, InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(serverErr, true, StandardCharsets.UTF_8)));
        int port = ListeningPort.of(serverErr, served);
        Path session = dir.resolve("session.pem");
        Path early = Files.writeString(dir.resolve("early.txt"), "early hello\n");
        String ca = pki.file(DevelopmentCertificates.CA).toString();

        try (ExternalProcess first = ExternalProcess.start(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + port, "-tls1_3", "-CAfile", ca, "-sess_out", session.toString()))) {
            first.write("first\n");
            first.awaitOutput(output -> output.contains("first\n"), WAIT);
        }
        String output;
        try (ExternalProcess second = ExternalProcess.start(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + port, "-tls1_3", "-CAfile", ca, "-sess_in", session.toString(),
                "-early_data", early.toString()))) {
            second.write("second\n");
            output = second.awaitOutput(out -> out.contains("second\n"), WAIT);
        }

        assertThat(served.get(20, TimeUnit.SECONDS)).as(serverErr.toString(StandardCharsets.UTF_8))
                .isEqualTo(SiotlsCli.OK);
        assertThat(output).contains("Early data was accepted").contains("early hello");
        assertThat(serverErr.toString(StandardCharsets.UTF_8)).contains("Early data     : not offered")
                .contains("Early data     : accepted (12 bytes)")
                .contains("Early data received:\nearly hello\n");
    }

    @Test
    void earlyDataOptionsAreCheckedBeforeAnyConnection() {
        String[][] wrong = {
            {"server", "--port", "0", "--early-data", "16384"},
            {"server", "--port", "0", "--echo", "--early-data", "0"},
            {"server", "--port", "0", "--echo", "--early-data", "lots"}};
        for (String[] args : wrong) {
            int code = SiotlsCli.run(args, InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                    new PrintStream(OutputStream.nullOutputStream()));
            assertThat(code).as(String.join(" ", args)).isEqualTo(SiotlsCli.USAGE);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SiotlsCli.run(new String[] {"client", "localhost:1", "--early-data", dir.resolve("missing").toString()},
                InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(SiotlsCli.CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--early-data").contains("missing");
    }
}
