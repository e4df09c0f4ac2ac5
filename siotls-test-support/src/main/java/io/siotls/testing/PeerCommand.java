package io.siotls.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The commands the interoperability tests start as real TLS peers (openssl, gnutls-serv,
 * gnutls-cli, curl, h2load, chromium). Where one is missing, the test that needs it is skipped
 * with a message saying so — on a machine with only a JDK and Maven — except under CI (the
 * {@code CI} environment variable, which {@code .ci/run} sets), where a missing peer fails the
 * test.
 */
public final class PeerCommand {

    private static final Map<String, Boolean> INSTALLED = new ConcurrentHashMap<>();

    private PeerCommand() {
    }

    /** Returns when {@code command} is on the PATH; else skips the calling test, or fails it under CI. */
    public static void require(String command) {
        if (INSTALLED.computeIfAbsent(command, PeerCommand::onPath)) {
            return;
        }
        String message = command + " is not installed: this test runs it as a real TLS peer "
                + "(Debian: apt-get install openssl gnutls-bin curl nghttp2-client chromium; bash .ci/run installs them)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message + "; CI must have it");
        }
        Assumptions.abort(message);
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
