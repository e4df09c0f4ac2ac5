package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The resumption section of {@code docs/benchmarks.md}: from each JDK folder's
 * {@code resumed.csv} ({@link ResumedHandshakeBenchmark}, and {@link HandshakeBenchmark}'s full
 * handshakes with the same ECDSA P-256 chain, run beside it) the full and resumed handshakes per
 * second per implementation with their allocation, and the two ratios the project targets:
 * siotls' resumed handshake at least 3 times its full one, and at least 2 times SunJSSE's resumed one.
 */
final class ResumptionReport {

    private static final String RESUMED = "ResumedHandshakeBenchmark.resumedHandshake";
    private static final String FULL = "HandshakeBenchmark.fullHandshake";
    /** The relative error above which the section says its numbers are provisional. */
    private static final double PROVISIONAL_ERROR = 0.10;

    private ResumptionReport() {
    }

    static String markdown(List<Path> jdks) throws IOException {
        StringBuilder handshakes = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        double widestError = 0;
        for (Path jdk : jdks) {
            Path file = jdk.resolve("resumed.csv");
            if (!Files.exists(file)) {
                continue;
            }
            String label = jdk.getFileName().toString();
            List<ResultRow> rows = JmhCsv.read(file);
            for (Implementation implementation : Implementation.values()) {
                ResultRow full = find(rows, FULL, implementation);
                ResultRow resumed = find(rows, RESUMED, implementation);
                if (full == null && resumed == null) {
                    continue;
                }
                handshakes.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", label,
                        implementation, score(full), JmhCsv.allocation(rows, full), score(resumed), JmhCsv.allocation(rows, resumed)));
                widestError = Math.max(widestError, Math.max(relativeError(full), relativeError(resumed)));
            }
            ResultRow siotlsResumed = find(rows, RESUMED, Implementation.SIOTLS);
            targets.append(Target.atLeast(3.0).row(label, "siotls resumed ÷ siotls full", siotlsResumed,
                    find(rows, FULL, Implementation.SIOTLS)));
            targets.append(Target.atLeast(2.0).row(label, "siotls resumed ÷ SunJSSE resumed", siotlsResumed,
                    find(rows, RESUMED, Implementation.SUNJSSE)));
        }
        if (handshakes.length() == 0) {
            return "";
        }
        return "\n## Resumed handshakes\n\n`ResumedHandshakeBenchmark`: resumed handshakes (RFC 8446 §2.2, psk_dhe_ke, "
                + "x25519; ECDSA P-256 server, no client certificate), each connection offering a ticket of an earlier "
                + "one and receiving the server's new tickets; beside them the full handshakes of "
                + "`HandshakeBenchmark` with the same chain, from the same run. Every handshake is checked to have "
                + "resumed (a server flight smaller than its certificate), and a full one fails the run.\n\n"
                + "| JDK | implementation | full handshakes/s | full B/op | resumed handshakes/s | resumed B/op |\n"
                + "|---|---|---|---|---|---|\n" + handshakes
                + "\n| JDK | ratio | value | target | verdict |\n|---|---|---|---|---|\n" + targets
                + (widestError > PROVISIONAL_ERROR ? String.format(Locale.ROOT, "%n**Provisional**: the error of "
                        + "some rows reaches %.0f %% of their score (over %.0f %%): a verdict is met or missed only when "
                        + "the whole interval says so, and longer or more runs narrow it.%n", widestError * 100,
                        PROVISIONAL_ERROR * 100) : "");
    }

    private static double relativeError(ResultRow row) {
        return row == null || row.score() == 0 ? 0 : row.error() / row.score();
    }

    private static ResultRow find(List<ResultRow> rows, String benchmark, Implementation implementation) {
        return rows.stream().filter(row -> row.benchmark().endsWith(benchmark))
                .filter(row -> implementation == row.implementation())
                .filter(row -> !row.parameters().containsKey("chain") || "EC_P256".equals(row.parameters().get("chain")))
                .filter(row -> !"true".equals(row.parameters().get("mutual")))
                .findFirst().orElse(null);
    }

    private static String score(ResultRow row) {
        return row == null ? "–" : String.format(Locale.ROOT, "%.1f ± %.1f", row.score(), row.error());
    }
}
