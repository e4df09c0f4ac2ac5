package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What JMH's console log holds and its CSV does not: the auxiliary counters ({@link TurnNanos})
 * of every measured iteration of each fork, from which {@link PairedRatio} is computed.
 */
final class IterationLog {

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)");
    private static final Pattern FORK = Pattern.compile("^# Fork: ");
    private static final Pattern MEASURED = Pattern.compile("^Iteration\\s+\\d+: [0-9.]+ ");
    private static final Pattern COUNTER = Pattern.compile("^\\s+(\\w+):\\s+([0-9.]+) ");

    /** The counters JMH printed after each measured iteration of one fork, by name. */
    record Fork(List<Map<String, Double>> counters) {
    }

    private IterationLog() {
    }

    /**
     * The forks of each run in {@code log}, by {@link #key}; a log that does not exist gives none.
     */
    static Map<String, List<Fork>> read(Path log) throws IOException {
        Map<String, List<Fork>> runs = new LinkedHashMap<>();
        if (!Files.exists(log)) {
            return runs;
        }
        String benchmark = null;
        Map<String, String> parameters = Map.of();
        Fork fork = null;
        for (String line : Files.readAllLines(log)) {
            Matcher matcher;
            if ((matcher = BENCHMARK.matcher(line)).find()) {
                benchmark = matcher.group(1);
                parameters = Map.of();
            } else if ((matcher = PARAMETERS.matcher(line)).find()) {
                parameters = parameters(matcher.group(1));
            } else if (FORK.matcher(line).find() && benchmark != null) {
                fork = new Fork(new ArrayList<>());
                runs.computeIfAbsent(key(benchmark, parameters), k -> new ArrayList<>()).add(fork);
            } else if (fork != null && MEASURED.matcher(line).find()) {
                fork.counters().add(new TreeMap<>());
            } else if (fork != null && !fork.counters().isEmpty() && (matcher = COUNTER.matcher(line)).find()) {
                fork.counters().get(fork.counters().size() - 1).put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
        }
        return runs;
    }

    /** The key of a run: its benchmark and its parameters in name order, as a CSV row has them. */
    static String key(String benchmark, Map<String, String> parameters) {
        return benchmark + new TreeMap<>(parameters);
    }

    private static Map<String, String> parameters(String list) {
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : list.split(", ")) {
            int equals = pair.indexOf(" = ");
            if (equals > 0) {
                parameters.put(pair.substring(0, equals), pair.substring(equals + 3));
            }
        }
        return parameters;
    }
}
