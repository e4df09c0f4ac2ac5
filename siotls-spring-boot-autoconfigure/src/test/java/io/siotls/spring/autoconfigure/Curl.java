package io.siotls.spring.autoconfigure;

import io.siotls.testing.PeerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs the {@code curl} command, a TLS client independent of ours, and keeps what it printed. */
public final class Curl {

    /** What one curl run ended with. */
    public record Result(int exitCode, String body, String verbose) {

        /**
         * Whether curl was refused, having read the server's alert ({@code alert}, as OpenSSL
         * words it) or having lost the connection before it could: a server that refuses a client
         * after the client's Finished closes at once, and curl may already be writing its request.
         */
        public boolean refused(String alert) {
            return exitCode != 0 && body.isEmpty() && (verbose.toLowerCase(Locale.ROOT).contains(alert)
                    || CONNECTION_LOST.stream().anyMatch(verbose::contains));
        }
    }

    private static final List<String> CONNECTION_LOST = List.of("Broken pipe", "Connection reset by peer",
            "Transport endpoint is not connected", "unexpected eof while reading");

    private Curl() {
    }

    /** Runs {@code curl -sS -v --max-time 20} with {@code arguments}. */
    public static Result run(String... arguments) throws IOException, InterruptedException {
        PeerCommand.require("curl");
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--max-time", "20"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("curl", ".out");
        Path err = Files.createTempFile("curl", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("curl did not end within 30 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
