package io.siotls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code openssl} command line for interoperability tests. */
public final class OpenSsl {

    private static volatile Boolean available;

    private OpenSsl() {
    }

    /** The exit status and the merged standard output and error of one run. */
    public record Result(int exitCode, String output) {
        /** This result, after failing with the output when the exit code is not 0. */
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("openssl failed (" + exitCode + "): " + output);
            }
            return this;
        }
    }

    /** Whether an {@code openssl} binary runs on this machine. */
    public static boolean available() {
        if (available == null) {
            try {
                available = run("version").exitCode() == 0;
            } catch (IllegalStateException e) {
                available = false;
            }
        }
        return available;
    }

    /** Runs {@code openssl args...}, waiting at most 60 seconds. */
    public static Result run(String... args) {
        PeerCommand.require("openssl");
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl did not finish: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
