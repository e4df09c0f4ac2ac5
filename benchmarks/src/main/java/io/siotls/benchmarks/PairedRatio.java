package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The speed of siotls divided by a reference's, from a benchmark in which they took turns
 * ({@link TakingTurns}): one ratio per measured iteration (the reference's nanoseconds over
 * siotls', for as many handshakes of each), their mean, and the 99.9 % confidence half-width of
 * that mean under Student's t, as JMH computes its own errors. {@link #drift} is the mean of the
 * second half of every fork's iterations against the first half's: a ratio still moving while
 * measured, because one side had not finished compiling, shows there.
 */
record PairedRatio(double value, double error, int iterations, double drift) {

    /** The largest drift still called steady. */
    static final double STEADY_WITHIN = 0.05;

    /** The 99.9 % interval, as JMH's. */
    private static final double CONFIDENCE = 0.999;

    /** The ratio of the forks of one run, or null when the log holds no iteration of it. */
    static PairedRatio of(List<IterationLog.Fork> forks) {
        List<Double> ratios = new ArrayList<>();
        double firstHalves = 0;
        double secondHalves = 0;
        for (IterationLog.Fork fork : forks) {
            List<Double> forkRatios = new ArrayList<>();
            for (Map<String, Double> counters : fork.counters()) {
                Double siotls = counters.get("siotlsNanos");
                Double reference = counters.get("referenceNanos");
                if (siotls != null && reference != null && siotls > 0) {
                    forkRatios.add(reference / siotls);
                }
            }
            int half = forkRatios.size() / 2;
            firstHalves += mean(forkRatios.subList(0, half)) * half;
            secondHalves += mean(forkRatios.subList(forkRatios.size() - half, forkRatios.size())) * half;
            ratios.addAll(forkRatios);
        }
        if (ratios.size() < 2) {
            return null;
        }
        double mean = mean(ratios);
        double variance = 0;
        for (double ratio : ratios) {
            variance += (ratio - mean) * (ratio - mean);
        }
        double deviation = Math.sqrt(variance / (ratios.size() - 1));
        double t = new TDistribution(ratios.size() - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double drift = firstHalves == 0 ? 0 : (secondHalves - firstHalves) / firstHalves;
        return new PairedRatio(mean, t * deviation / Math.sqrt(ratios.size()), ratios.size(), drift);
    }

    /** Every paired run in a JDK folder's JMH logs, by {@link IterationLog#key}. */
    static Map<String, PairedRatio> read(Path jdk) throws IOException {
        Map<String, PairedRatio> ratios = new HashMap<>();
        try (Stream<Path> files = Files.list(jdk)) {
            for (Path log : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                IterationLog.read(log).forEach((key, forks) -> {
                    PairedRatio ratio = of(forks);
                    if (ratio != null) {
                        ratios.put(key, ratio);
                    }
                });
            }
        }
        return ratios;
    }

    boolean steady() {
        return Math.abs(drift) <= STEADY_WITHIN;
    }

    /** As a {@link Ratio}, for {@link Target#verdict}. */
    Ratio asRatio() {
        return new Ratio(value, error);
    }

    /** The error as a share of the ratio. */
    double relativeError() {
        return error / value;
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }
}
