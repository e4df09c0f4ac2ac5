package io.siotls.benchmarks;

import java.util.Locale;

/**
 * A ratio the project aims for: at least {@code bound} (throughput) or at most (bytes). Met only
 * when the whole error interval clears the bound, missed when the whole interval falls short,
 * and otherwise undecided: the measurement is too coarse to tell.
 */
record Target(double bound, boolean atLeast) {

    static Target atLeast(double bound) {
        return new Target(bound, true);
    }

    static Target atMost(double bound) {
        return new Target(bound, false);
    }

    String verdict(Ratio ratio) {
        double low = ratio.value() - ratio.error();
        double high = ratio.value() + ratio.error();
        if (atLeast ? low >= bound : high <= bound) {
            return "met";
        }
        return (atLeast ? high < bound : low > bound) ? "missed" : "within the error";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.1f", atLeast ? "≥" : "≤", bound);
    }
}
