package io.siotls.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The port a {@code siotls server} run in a test says it listens on. */
final class ListeningPort {

    private static final Pattern LISTENING = Pattern.compile("Listening on port (\\d+)");

    private ListeningPort() {
    }

    /**
     * Waits up to 15 s for {@code err} to name the port; fails when the server ended first or
     * never says it.
     */
    static int of(ByteArrayOutputStream err, CompletableFuture<?> server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.isDone()) {
                throw new IllegalStateException("the server ended with " + server.get() + ": " + err);
            }
            Matcher matcher = LISTENING.matcher(err.toString(StandardCharsets.UTF_8));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server did not say it listens: " + err);
    }
}
