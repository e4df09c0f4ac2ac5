package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The section of {@code docs/benchmarks.md} that says whether the handshake targets are met, per
 * JDK: a full handshake with an ECDSA P-256 chain (with and without mutual TLS) at least
 * BoringSSL's rate and four times SunJSSE's, with an RSA-2048 chain at least 0.8 of BoringSSL's,
 * and at most half SunJSSE's allocation per full handshake. Speed ratios come from
 * {@link PairedHandshakeBenchmark}, where siotls and the other implementation took turns
 * ({@link PairedRatio}); allocation from {@link HandshakeBenchmark}'s gc profiler. Each verdict
 * comes with how far the measurement can be trusted: the error as a share of the ratio (wanted
 * under {@link #PRECISION}) and how far the ratio moved while measured.
 */
final class HandshakeTargets {

    /** The largest error, as a share of the score, of a measurement precise enough to judge by. */
    static final double PRECISION = 0.10;

    private static final String BENCHMARK = "io.siotls.benchmarks.HandshakeBenchmark.fullHandshake";
    private static final String PAIRED = "io.siotls.benchmarks.PairedHandshakeBenchmark.handshakesInTurn";

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

    /**
     * The section for the JDK folders {@code jdks}, each holding {@code jmh*.csv} and the JMH logs
     * ({@code *.log}) of the paired runs.
     */
    static String markdown(List<Path> jdks) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (Path jdk : jdks) {
            String label = jdk.getFileName().toString();
            List<ResultRow> results = JmhCsv.readMain(jdk);
            Map<String, PairedRatio> paired = PairedRatio.read(jdk);
            for (Goal goal : GOALS) {
                for (String mutual : List.of("false", "true")) {
                    String row = goal.allocation() ? allocationRow(results, goal, mutual)
                            : speedRow(paired, goal, mutual);
                    if (row != null) {
                        rows.append("| ").append(label).append(" | ").append(goal.description()).append(" | ")
                                .append(goal.chain()).append(" | ").append(mutual).append(" | ").append(row)
                                .append(" |\n");
                    }
                }
            }
        }
        if (rows.length() == 0) {
            return "";
        }
        return "\n## Handshake targets\n\nSpeed: `PairedHandshakeBenchmark` (x25519), siotls and BoringSSL (Netty's "
                + "OpenSSL engine) or SunJSSE taking turns on one thread, one handshake of each in alternating order, "
                + "each timed apart; the ratio is the other's time over siotls' in each measured iteration, averaged. "
                + "Both run under the same conditions at every moment, so the ratio holds still while this shared "
                + "machine's speed moves (the scores above move by a third between iterations). Allocation: "
                + "`HandshakeBenchmark`'s gc profiler. A target is met only when the ratio's whole 99.9 % interval "
                + "clears it. *Error* is that interval's half-width as a share of the ratio (for allocation, each "
                + "score's, siotls / the other), precise enough to judge by under " + Math.round(PRECISION * 100)
                + " %; *drift* is how far the ratio moved from the first half of every fork's iterations to the "
                + "second, steady within " + Math.round(PairedRatio.STEADY_WITHIN * 100) + " %.\n\n"
                + "| JDK | measure | chain | mutual TLS | ratio | target | verdict | error | drift |\n"
                + "|---|---|---|---|---|---|---|---|---|\n" + rows;
    }

    private static String speedRow(Map<String, PairedRatio> paired, Goal goal, String mutual) {
        PairedRatio ratio = paired.get(IterationLog.key(PAIRED,
                Map.of("chain", goal.chain(), "mutual", mutual, "reference", goal.other().name())));
        if (ratio == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f | %s | %s | %s over %d iterations | %s",
                ratio.value(), ratio.error(), goal.target(), goal.target().verdict(ratio.asRatio()),
                percent(ratio.relativeError()), ratio.iterations(), drift(ratio));
    }

    private static String allocationRow(List<ResultRow> results, Goal goal, String mutual) {
        ResultRow ours = find(results, goal, mutual, Implementation.SIOTLS);
        ResultRow theirs = find(results, goal, mutual, goal.other());
        if (ours == null || theirs == null) {
            return null;
        }
        Ratio ratio = Ratio.of(ours, theirs);
        return String.format(Locale.ROOT, "%.2f ± %.2f | %s | %s | %s / %s | –", ratio.value(), ratio.error(),
                goal.target(), goal.target().verdict(ratio), share(ours), share(theirs));
    }

    private static ResultRow find(List<ResultRow> rows, Goal goal, String mutual, Implementation implementation) {
        return rows.stream()
                .filter(row -> row.benchmark().startsWith(BENCHMARK + ":")
                        && row.benchmark().endsWith("gc.alloc.rate.norm"))
                .filter(row -> implementation == row.implementation()
                        && goal.chain().equals(row.parameters().get("chain"))
                        && mutual.equals(row.parameters().get("mutual")))
                .findFirst().orElse(null);
    }

    private static String share(ResultRow row) {
        return Double.isNaN(row.error()) ? "n/a" : percent(row.error() / row.score());
    }

    /** A relative error, flagged when it is too coarse to judge by. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%%s", share * 100, share > PRECISION ? " (too coarse)" : "");
    }

    /** A paired ratio's drift, flagged when it moved more than {@link PairedRatio#STEADY_WITHIN}. */
    static String drift(PairedRatio ratio) {
        return String.format(Locale.ROOT, "%+.1f %%%s", ratio.drift() * 100, ratio.steady() ? "" : " (not steady)");
    }

    /**
     * The report row {@code | jdk | name | ratio ± error | target | verdict | error | drift |} of a
     * paired ratio, or nothing when it did not run.
     */
    static String pairedRow(String jdk, String name, PairedRatio ratio, Target target) {
        if (ratio == null) {
            return "";
        }
        return String.format(Locale.ROOT, "| %s | %s | %.2f ± %.2f | %s | %s | %s over %d iterations | %s |%n", jdk,
                name, ratio.value(), ratio.error(), target, target.verdict(ratio.asRatio()),
                percent(ratio.relativeError()), ratio.iterations(), drift(ratio));
    }
}
