package io.siotls.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A peer started as a real process (openssl, gnutls-serv...), its standard output and error
 * merged and collected so tests can wait for a line and assert on what it printed.
 */
public final class ExternalProcess implements AutoCloseable {

    private final List<String> command;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread pump;

    private ExternalProcess(List<String> command) throws IOException {
        this.command = List.copyOf(command);
        PeerCommand.require(command.get(0));
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.pump = new Thread(this::pumpOutput, "output of " + command.get(0));
        this.pump.setDaemon(true);
        this.pump.start();
    }

    public static ExternalProcess start(List<String> command) throws IOException {
        return new ExternalProcess(command);
    }

    private void pumpOutput() {
        byte[] buffer = new byte[4096];
        try (InputStream in = process.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                output.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            output.append("\n[output closed: ").append(e.getMessage()).append("]\n");
        }
    }

    /** Everything printed so far. */
    public String output() {
        return output.toString();
    }

    /** Waits until the output satisfies {@code condition}, failing with the output after {@code timeout}. */
    public String awaitOutput(Predicate<String> condition, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String seen = output.toString();
            if (condition.test(seen)) {
                return seen;
            }
            if (!process.isAlive() && !pump.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        String seen = output.toString();
        if (condition.test(seen)) {
            return seen;
        }
        throw new TimeoutException("waited " + timeout + " for " + command + "; it printed:\n" + seen);
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public void write(String text) throws IOException {
        stdin().write(text.getBytes(StandardCharsets.UTF_8));
        stdin().flush();
    }

    /** Waits for the process to exit by itself, returning its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException(command + " did not exit within " + timeout + "; it printed:\n" + output());
        }
        pump.join(timeout.toMillis());
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            pump.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
