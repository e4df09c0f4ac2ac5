package io.siotls.benchmarks;

import java.util.List;

/**
 * Whether a run had warmed up: the mean of the last two warm-up iterations of every fork beside
 * the mean of the measured iterations. A score still climbing while measured (the JIT not done,
 * or a heap still growing) shows as a drift larger than {@link #TOLERANCE}.
 */
record Steadiness(double lastWarmupMean, double measuredMean) {

    /** The largest drift between warm-up and measurement still called steady. */
    static final double TOLERANCE = 0.05;

    static Steadiness of(List<IterationLog.Fork> forks) {
        double warmup = 0;
        int warmupCount = 0;
        double measured = 0;
        int measuredCount = 0;
        for (IterationLog.Fork fork : forks) {
            List<Double> last = fork.warmup().subList(Math.max(0, fork.warmup().size() - 2), fork.warmup().size());
            for (double score : last) {
                warmup += score;
                warmupCount++;
            }
            for (double score : fork.measured()) {
                measured += score;
                measuredCount++;
            }
        }
        return new Steadiness(warmupCount == 0 ? Double.NaN : warmup / warmupCount,
                measuredCount == 0 ? Double.NaN : measured / measuredCount);
    }

    /** (last warm-up − measured) ÷ measured: negative while the score still climbs. */
    double drift() {
        return (lastWarmupMean - measuredMean) / measuredMean;
    }

    boolean steady() {
        return Math.abs(drift()) <= TOLERANCE;
    }
}
