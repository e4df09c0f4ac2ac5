package io.siotls.spring.autoconfigure;

import io.siotls.testing.PeerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code curl} command, a TLS client independent of ours, and keeps what it printed. */
public final class Curl {

    /** What one curl run ended with. */
    public record Result(int exitCode, String body, String verbose) {
    }

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
