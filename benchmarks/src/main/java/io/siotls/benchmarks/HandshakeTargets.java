package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The section of {@code docs/benchmarks.md} that says whether the handshake targets are met, per
 * JDK: a full handshake with an ECDSA P-256 chain (with and without mutual TLS) at least
 * BoringSSL's rate and four times SunJSSE's, with an RSA-2048 chain at least 0.8 of BoringSSL's,
 * and at most half SunJSSE's allocation per full handshake. Each verdict comes with how far the
 * measurement can be trusted: both scores' errors as a share of the score (wanted under
 * {@link #PRECISION}) and the drift between the last warm-up iterations and the measured ones.
 */
final class HandshakeTargets {

    /** The largest error, as a share of the score, of a measurement precise enough to judge by. */
    static final double PRECISION = 0.10;

    private static final String BENCHMARK = "io.siotls.benchmarks.HandshakeBenchmark.fullHandshake";

    /** One target: siotls divided by {@code other} on {@code chain}, by handshakes/s or bytes per handshake. */
    record Goal(String chain, Implementation other, boolean allocation, Target target) {

        String description() {
            return (allocation ? "B per handshake" : "handshakes/s") + ", siotls ÷ " + other.label();
        }
    }

    static final List<Goal> GOALS = List.of(
            new Goal("EC_P256", Implementation.BORINGSSL, false, Target.atLeast(1.0)),
            new Goal("EC_P256", Implementation.SUNJSSE, false, Target.atLeast(4.0)),
            new Goal("RSA_2048", Implementation.BORINGSSL, false, Target.atLeast(0.8)),
            new Goal("EC_P256", Implementation.SUNJSSE, true, Target.atMost(0.5)),
            new Goal("RSA_2048", Implementation.SUNJSSE, true, Target.atMost(0.5)));

    private HandshakeTargets() {
    }

    /** The section for the JDK folders {@code jdks}, each holding {@code jmh*.csv} and JMH's {@code *.log}. */
    static String markdown(List<Path> jdks) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (Path jdk : jdks) {
            String label = jdk.getFileName().toString();
            List<ResultRow> results = JmhCsv.readMain(jdk);
            Map<String, List<IterationLog.Fork>> logs = logs(jdk);
            for (Goal goal : GOALS) {
                for (String mutual : List.of("false", "true")) {
                    ResultRow ours = find(results, goal, mutual, Implementation.SIOTLS);
                    ResultRow theirs = find(results, goal, mutual, goal.other());
                    if (ours == null || theirs == null) {
                        continue;
                    }
                    Ratio ratio = Ratio.of(ours, theirs);
                    rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f ± %.2f | %s | %s | %s | %s |%n",
                            label, goal.description(), goal.chain(), mutual, ratio.value(), ratio.error(),
                            goal.target(), goal.target().verdict(ratio), precision(ours, theirs),
                            goal.allocation() ? "–" : drift(logs, ours, theirs)));
                }
            }
        }
        if (rows.length() == 0) {
            return "";
        }
        return "\n## Handshake targets\n\n`HandshakeBenchmark` (x25519), siotls beside BoringSSL (Netty's OpenSSL "
                + "engine) and SunJSSE in the same run. A target is met only when the ratio's whole error interval "
                + "clears it. *Error* is each score's 99.9 % error as a share of the score (siotls / the other), "
                + "precise enough to judge by under " + Math.round(PRECISION * 100) + " %; *drift* is the last two "
                + "warm-up iterations of every fork against the measured mean (siotls / the other), steady within "
                + Math.round(Steadiness.TOLERANCE * 100) + " %.\n\n"
                + "| JDK | measure | chain | mutual TLS | ratio | target | verdict | error | drift |\n"
                + "|---|---|---|---|---|---|---|---|---|\n" + rows;
    }

    private static ResultRow find(List<ResultRow> rows, Goal goal, String mutual, Implementation implementation) {
        return rows.stream()
                .filter(row -> goal.allocation() ? row.benchmark().startsWith(BENCHMARK + ":")
                        && row.benchmark().endsWith("gc.alloc.rate.norm") : row.benchmark().equals(BENCHMARK))
                .filter(row -> implementation == row.implementation()
                        && goal.chain().equals(row.parameters().get("chain"))
                        && mutual.equals(row.parameters().get("mutual")))
                .findFirst().orElse(null);
    }

    private static Map<String, List<IterationLog.Fork>> logs(Path jdk) throws IOException {
        Map<String, List<IterationLog.Fork>> logs = new HashMap<>();
        try (Stream<Path> files = Files.list(jdk)) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                logs.putAll(IterationLog.read(log));
            }
        }
        return logs;
    }

    private static String precision(ResultRow ours, ResultRow theirs) {
        return share(ours) + " / " + share(theirs);
    }

    private static String share(ResultRow row) {
        if (Double.isNaN(row.error())) {
            return "n/a";
        }
        double share = row.error() / row.score();
        return String.format(Locale.ROOT, "%.1f %%%s", share * 100, share > PRECISION ? " (too coarse)" : "");
    }

    private static String drift(Map<String, List<IterationLog.Fork>> logs, ResultRow ours, ResultRow theirs) {
        return drift(logs, ours) + " / " + drift(logs, theirs);
    }

    private static String drift(Map<String, List<IterationLog.Fork>> logs, ResultRow row) {
        List<IterationLog.Fork> forks = logs.get(IterationLog.key(row.benchmark(), row.parameters()));
        if (forks == null) {
            return "n/a";
        }
        Steadiness steadiness = Steadiness.of(forks);
        return String.format(Locale.ROOT, "%+.1f %%%s", steadiness.drift() * 100,
                steadiness.steady() ? "" : " (not steady)");
    }
}
