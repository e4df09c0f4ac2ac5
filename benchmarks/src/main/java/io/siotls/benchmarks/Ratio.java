package io.siotls.benchmarks;

/** One score divided by another, with JMH's two 99.9 % errors carried into it. */
record Ratio(double value, double error) {

    static Ratio of(ResultRow numerator, ResultRow denominator) {
        double value = numerator.score() / denominator.score();
        return new Ratio(value, value * Math.hypot(relative(numerator), relative(denominator)));
    }

    private static double relative(ResultRow row) {
        return Double.isNaN(row.error()) || row.score() == 0 ? 0 : row.error() / row.score();
    }
}
