package io.siotls.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** {@code curl} (on OpenSSL) fetching one URL, reporting the status and the HTTP version it used. */
public final class Curl {

    private static final String MARKER = "\n@@curl@@ ";

    /** What curl got: the status code, curl's {@code http_version} ("1.1", "2") and the body. */
    public record Result(int status, String httpVersion, String body, String output) {
    }

    private Curl() {
    }

    /** Runs {@code curl -sS --cacert ca extraArguments url}, up to 30 seconds. */
    public static Result fetch(String url, Path ca, String... extraArguments)
            throws IOException, InterruptedException, TimeoutException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "--cacert", ca.toString(),
                "-w", MARKER.replace("\n", "\\n") + "%{http_code} %{http_version}"));
        command.addAll(List.of(extraArguments));
        command.add(url);
        try (ExternalProcess process = ExternalProcess.start(command)) {
            int exit = process.awaitExit(Duration.ofSeconds(30));
            String output = process.output();
            int marker = output.lastIndexOf(MARKER);
            if (exit != 0 || marker < 0) {
                throw new IOException("curl exited with " + exit + ": " + output);
            }
            String[] status = output.substring(marker + MARKER.length()).trim().split(" ");
            return new Result(Integer.parseInt(status[0]), status[1], output.substring(0, marker), output);
        }
    }
}
