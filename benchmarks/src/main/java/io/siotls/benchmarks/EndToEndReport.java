package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-to-end section of {@code docs/benchmarks.md}, from each JDK folder's {@code e2e.txt}
 * ({@code benchmarks/e2e.sh}: the MVC sample under h2load, siotls beside
 * {@code siotls.implementation=jsse}, several rounds each). Rounds are not JMH iterations, so the
 * spread stands for the error: a target is met only when the worst siotls round beside the best
 * JDK round clears it.
 */
final class EndToEndReport {

    /** h2load's new-connection rate on the Tomcat sample, siotls ÷ the JDK's TLS. */
    static final Target NEW_CONNECTIONS = Target.atLeast(2.0);

    private static final String NEW_CONNECTION = "new-connection";
    private static final String CPU = "cpu-per-";

    private EndToEndReport() {
    }

    /** Measure → implementation → the value of each round, from {@code e2e <IMPL> <measure> <round> <value>} lines. */
    static Map<String, Map<Implementation, List<Double>>> read(Path file) throws IOException {
        Map<String, Map<Implementation, List<Double>>> measures = new TreeMap<>();
        if (!Files.exists(file)) {
            return measures;
        }
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 5 && fields[0].equals("e2e")) {
                measures.computeIfAbsent(fields[2], key -> new TreeMap<>())
                        .computeIfAbsent(Implementation.valueOf(fields[1]), key -> new ArrayList<>())
                        .add(Double.parseDouble(fields[4]));
            }
        }
        return measures;
    }

    /** Whether a lower value is the better one: the CPU time per connection or per request. */
    static boolean lowerIsBetter(String measure) {
        return measure.startsWith(CPU);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static String markdown(Map<String, Map<String, Map<Implementation, List<Double>>>> byJdk) {
        StringBuilder rows = new StringBuilder();
        byJdk.forEach((jdk, measures) -> measures.forEach((measure, values) -> {
            List<Double> ours = values.get(Implementation.SIOTLS);
            List<Double> theirs = values.get(Implementation.SUNJSSE);
            if (ours == null || theirs == null) {
                return;
            }
            double worst = lowerIsBetter(measure) ? max(ours) / min(theirs) : min(ours) / max(theirs);
            double best = lowerIsBetter(measure) ? min(ours) / max(theirs) : max(ours) / min(theirs);
            String verdict = measure.equals(NEW_CONNECTION) ? NEW_CONNECTIONS + ": " + verdict(worst, best) : "";
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.2f – %.2f | %s |%n", jdk, measure,
                    rounds(ours), rounds(theirs), median(ours) / median(theirs), Math.min(worst, best),
                    Math.max(worst, best), verdict));
        }));
        if (rows.length() == 0) {
            return "";
        }
        return "\n## End to end: the MVC sample (Tomcat, HTTP/2) under h2load\n\n`benchmarks/e2e.sh`: "
                + "*keep-alive* is requests/s over 16 connections of 10 streams; *cpu-per-request* is the server "
                + "process's own CPU time per keep-alive request, in µs (lower is better; unlike a rate, hardly "
                + "moved by other processes on the machine); *keep-alive-http1* is the same requests over "
                + "HTTP/1.1; *new-connection* is connections/s with one request each (a full handshake each), 100 "
                + "at a time; *cpu-per-connection* is the server's CPU time per new connection, in µs (lower is "
                + "better). Both servers run side by side, each round measuring both in alternating order. Each "
                + "round's value, siotls beside `siotls.implementation=jsse`; the ratio of the medians, and its "
                + "range from the worst to the best pairing of rounds.\n\n"
                + "| JDK | measure | siotls | SunJSSE | ratio | range | target |\n|---|---|---|---|---|---|---|\n" + rows;
    }

    private static String verdict(double worst, double best) {
        if (worst >= NEW_CONNECTIONS.bound()) {
            return "met";
        }
        return best < NEW_CONNECTIONS.bound() ? "missed" : "within the spread";
    }

    private static String rounds(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format(Locale.ROOT, "%.0f", value)).toList());
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
