package io.siotls.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The {@code curl} command (on OpenSSL), a TLS client independent of ours: {@link #run} keeps what
 * it printed, {@link #fetch} also reads the HTTP status and version it got. Where curl is missing,
 * the test is skipped, or failed under CI ({@link PeerCommand}).
 */
public final class Curl {

    private static final String MARKER = "\n@@curl@@ ";

    private static final List<String> CONNECTION_LOST = List.of("Broken pipe", "Connection reset by peer",
            "Transport endpoint is not connected", "unexpected eof while reading");

    /** What one curl run ended with: its exit code, the body (standard output) and the {@code -v} trace (standard error). */
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

    /** What {@link #fetch} got: the status code, curl's {@code http_version} ("1.1", "2"), the body and all curl printed. */
    public record Response(int status, String httpVersion, String body, String output) {
    }

    private Curl() {
    }

    /** Runs {@code curl -sS -v --max-time 20} with {@code arguments}, up to 30 seconds. */
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

    /**
     * Fetches {@code url} trusting the CA file {@code ca}, as {@link #run} with {@code extraArguments};
     * an IOException with all curl printed when it fails.
     */
    public static Response fetch(String url, Path ca, String... extraArguments) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--cacert", ca.toString(),
                "-w", MARKER.replace("\n", "\\n") + "%{http_code} %{http_version}"));
        arguments.addAll(List.of(extraArguments));
        arguments.add(url);
        Result result = run(arguments.toArray(String[]::new));
        String output = result.verbose() + result.body();
        int marker = result.body().lastIndexOf(MARKER);
        if (result.exitCode() != 0 || marker < 0) {
            throw new IOException("curl exited with " + result.exitCode() + ": " + output);
        }
        String[] status = result.body().substring(marker + MARKER.length()).trim().split(" ");
        return new Response(Integer.parseInt(status[0]), status[1], result.body().substring(0, marker), output);
    }
}
