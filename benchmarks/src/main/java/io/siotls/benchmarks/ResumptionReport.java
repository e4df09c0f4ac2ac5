package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resumption section of {@code docs/benchmarks.md}: from each JDK folder's
 * {@code resumed.csv} ({@link ResumedHandshakeBenchmark}) and its main results
 * ({@link HandshakeBenchmark}'s full handshakes with the same ECDSA P-256 chain) the full and
 * resumed handshakes per second per implementation with their allocation, and from the logs of
 * {@link PairedResumptionBenchmark} the two ratios the project targets: siotls' resumed handshake
 * at least 3 times its full one, and at least 2 times SunJSSE's resumed one.
 */
final class ResumptionReport {

    private static final String RESUMED = "ResumedHandshakeBenchmark.resumedHandshake";
    private static final String FULL = "HandshakeBenchmark.fullHandshake";
    private static final String PAIRED = "io.siotls.benchmarks.PairedResumptionBenchmark.handshakesInTurn";

    private ResumptionReport() {
    }

    static String markdown(List<Path> jdks) throws IOException {
        StringBuilder handshakes = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        for (Path jdk : jdks) {
            Path file = jdk.resolve("resumed.csv");
            if (!Files.exists(file)) {
                continue;
            }
            String label = jdk.getFileName().toString();
            List<ResultRow> rows = new ArrayList<>(JmhCsv.read(file));
            rows.addAll(JmhCsv.readMain(jdk));
            for (Implementation implementation : Implementation.values()) {
                ResultRow full = find(rows, FULL, implementation);
                ResultRow resumed = find(rows, RESUMED, implementation);
                if (resumed == null) {
                    continue;
                }
                handshakes.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", label,
                        implementation, score(full), JmhCsv.allocation(rows, full), score(resumed),
                        JmhCsv.allocation(rows, resumed)));
            }
            Map<String, PairedRatio> paired = PairedRatio.read(jdk);
            targets.append(HandshakeTargets.pairedRow(label, "siotls resumed ÷ siotls full",
                    paired.get(pairedKey(PairedResumptionBenchmark.Reference.SIOTLS_FULL)), Target.atLeast(3.0)));
            targets.append(HandshakeTargets.pairedRow(label, "siotls resumed ÷ SunJSSE resumed",
                    paired.get(pairedKey(PairedResumptionBenchmark.Reference.SUNJSSE_RESUMED)), Target.atLeast(2.0)));
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
                + "\nThe targets, from `PairedResumptionBenchmark`: siotls' resumed handshake and the reference taking "
                + "turns on one thread, as for the handshake targets above.\n\n"
                + "| JDK | ratio | value | target | verdict | error | drift |\n|---|---|---|---|---|---|---|\n" + targets;
    }

    private static String pairedKey(PairedResumptionBenchmark.Reference reference) {
        return IterationLog.key(PAIRED, Map.of("reference", reference.name()));
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
