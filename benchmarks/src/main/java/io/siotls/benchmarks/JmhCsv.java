package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the CSV JMH writes with {@code -rf csv}. */
final class JmhCsv {

    private JmhCsv() {
    }

    /**
     * The rows of a JDK folder's main results: {@code jmh.csv} and every {@code jmh-*.csv} (run.sh
     * writes the handshake and the bulk benchmarks apart, each with its own iteration settings).
     */
    static List<ResultRow> readMain(Path jdk) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(jdk)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("jmh(-.*)?\\.csv")).sorted().toList()) {
                rows.addAll(read(file));
            }
        }
        return rows;
    }

    /** The allocation per operation JMH's gc profiler measured beside {@code primary}, formatted; a dash without it. */
    static String allocation(List<ResultRow> rows, ResultRow primary) {
        if (primary == null) {
            return "–";
        }
        return rows.stream().filter(row -> row.benchmark().equals(primary.benchmark() + ":\u00b7gc.alloc.rate.norm")
                        || row.benchmark().equals(primary.benchmark() + ":gc.alloc.rate.norm"))
                .filter(row -> row.parameters().equals(primary.parameters()))
                .map(row -> String.format(Locale.ROOT, "%,.0f", row.score())).findFirst().orElse("–");
    }

    static List<ResultRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = fields(lines.get(0));
        List<ResultRow> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> values = fields(line);
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("Param: ") && !values.get(i).isEmpty()) {
                    parameters.put(header.get(i).substring("Param: ".length()), values.get(i));
                }
            }
            rows.add(new ResultRow(values.get(header.indexOf("Benchmark")), parameters,
                    number(values.get(header.indexOf("Score"))), number(values.get(header.indexOf("Score Error (99.9%)"))),
                    values.get(header.indexOf("Unit"))));
        }
        return rows;
    }

    private static double number(String value) {
        return value.isEmpty() || value.equals("NaN") ? Double.NaN : Double.parseDouble(value);
    }

    /** The fields of one CSV line: quoted or not, no quotes inside quotes. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
