package io.siotls.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Writes {@code docs/benchmarks.md} and {@code docs/benchmarks.png} from the results of
 * {@code benchmarks/run.sh}: for each JDK folder under the results folder (each holding JMH's
 * {@code jmh.csv}, {@code memory.txt} and {@code e2e.txt}), every measurement of siotls beside SunJSSE's and their
 * ratio, with JMH's error carried into it.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /** A siotls measurement and the SunJSSE one it is compared with. */
    record Comparison(String jdk, String name, String parameters, ResultRow siotls, ResultRow sunJsse) {

        double ratio() {
            return siotls.score() / sunJsse.score();
        }

        /** The ratio's error, from both relative errors. */
        double ratioError() {
            double a = relative(siotls);
            double b = relative(sunJsse);
            return ratio() * Math.sqrt(a * a + b * b);
        }

        private static double relative(ResultRow row) {
            return Double.isNaN(row.error()) || row.score() == 0 ? 0 : row.error() / row.score();
        }
    }

    /** {@code args}: the results folder, the docs folder. */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path docs = Path.of(args[1]);
        Files.createDirectories(docs);
        List<Comparison> comparisons = new ArrayList<>();
        Map<String, Map<Implementation, Long>> memory = new TreeMap<>();
        Map<String, Map<String, Map<Implementation, Double>>> endToEnd = new TreeMap<>();
        List<Path> jdks;
        try (Stream<Path> folders = Files.list(results)) {
            jdks = folders.filter(Files::isDirectory).sorted().toList();
        }
        for (Path jdk : jdks) {
            String label = jdk.getFileName().toString();
            comparisons.addAll(compare(label, JmhCsv.read(jdk.resolve("jmh.csv"))));
            memory.put(label, memory(jdk.resolve("memory.txt")));
            endToEnd.put(label, endToEnd(jdk.resolve("e2e.txt")));
        }
        Files.writeString(docs.resolve("benchmarks.md"), markdown(comparisons, memory, results)
                + endToEndMarkdown(endToEnd), StandardCharsets.UTF_8);
        chart(comparisons, memory, endToEnd, docs.resolve("benchmarks.png"));
    }

    static List<Comparison> compare(String jdk, List<ResultRow> rows) {
        Map<String, ResultRow> sunJsse = new LinkedHashMap<>();
        rows = rows.stream().filter(ResultRow::reported).toList();
        for (ResultRow row : rows) {
            if (row.implementation() == Implementation.SUNJSSE) {
                sunJsse.put(row.benchmark() + row.comparedParameters(), row);
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (ResultRow row : rows) {
            ResultRow other = sunJsse.get(row.benchmark() + row.comparedParameters());
            if (row.implementation() == Implementation.SIOTLS && other != null) {
                String parameters = row.comparedParameters().entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
                comparisons.add(new Comparison(jdk, row.shortName(), parameters, row, other));
            }
        }
        return comparisons;
    }

    private static Map<Implementation, Long> memory(Path file) throws IOException {
        Map<Implementation, Long> bytes = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 3 && fields[0].equals("memory")) {
                    bytes.put(Implementation.valueOf(fields[1]), Long.parseLong(fields[2]));
                }
            }
        }
        return bytes;
    }

    /** {@code e2e <IMPLEMENTATION> <mode> <requests per second>} lines, by mode then implementation. */
    private static Map<String, Map<Implementation, Double>> endToEnd(Path file) throws IOException {
        Map<String, Map<Implementation, Double>> modes = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 4 && fields[0].equals("e2e")) {
                    modes.computeIfAbsent(fields[2], mode -> new TreeMap<>())
                            .put(Implementation.valueOf(fields[1]), Double.parseDouble(fields[3]));
                }
            }
        }
        return modes;
    }

    private static String endToEndMarkdown(Map<String, Map<String, Map<Implementation, Double>>> endToEnd) {
        StringBuilder out = new StringBuilder("\n## End to end: requests per second on the MVC sample (Tomcat), wrk, "
                + "16 connections, HTTP/1.1\n\n| JDK | mode | siotls | SunJSSE | ratio |\n|---|---|---|---|---|\n");
        endToEnd.forEach((jdk, modes) -> modes.forEach((mode, rates) -> {
            Double ours = rates.get(Implementation.SIOTLS);
            Double theirs = rates.get(Implementation.SUNJSSE);
            if (ours != null && theirs != null) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.2f |%n", jdk, mode, ours, theirs,
                        ours / theirs));
            }
        }));
        return out.toString();
    }

    private static String markdown(List<Comparison> comparisons, Map<String, Map<Implementation, Long>> memory,
            Path results) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks: siotls beside SunJSSE\n\n");
        out.append("Written by `benchmarks/run.sh` from the results in `").append(results)
                .append("`; every number below comes from one run, both implementations measured in the same JVM "
                        + "run through the same `SSLEngine` driver over in-memory buffers. Ratios are siotls ÷ SunJSSE "
                        + "(above 1 is better for throughput, below 1 is better for bytes); the error is JMH's "
                        + "99.9% interval carried into the ratio. ")
                .append("![ratios](benchmarks.png)\n\n");
        out.append("| JDK | benchmark | parameters | siotls | SunJSSE | unit | ratio |\n|---|---|---|---|---|---|---|\n");
        for (Comparison comparison : comparisons) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f ± %.2f |%n", comparison.jdk(),
                    comparison.name(), comparison.parameters(), score(comparison.siotls()), score(comparison.sunJsse()),
                    comparison.siotls().unit(), comparison.ratio(), comparison.ratioError()));
        }
        out.append("\n## Retained heap per idle established connection (server side, after GC)\n\n");
        out.append("| JDK | siotls | SunJSSE | ratio |\n|---|---|---|---|\n");
        memory.forEach((jdk, bytes) -> {
            Long ours = bytes.get(Implementation.SIOTLS);
            Long theirs = bytes.get(Implementation.SUNJSSE);
            if (ours != null && theirs != null) {
                out.append(String.format(Locale.ROOT, "| %s | %,d B | %,d B | %.2f |%n", jdk, ours, theirs,
                        (double) ours / theirs));
            }
        });
        return out.toString();
    }

    private static String score(ResultRow row) {
        return Double.isNaN(row.error()) ? String.format(Locale.ROOT, "%.1f", row.score())
                : String.format(Locale.ROOT, "%.1f ± %.1f", row.score(), row.error());
    }

    /** A horizontal bar per comparison: the ratio, with a line at 1 (parity with SunJSSE). */
    private static void chart(List<Comparison> comparisons, Map<String, Map<Implementation, Long>> memory,
            Map<String, Map<String, Map<Implementation, Double>>> endToEnd, Path file) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            if (comparison.name().contains("gc.alloc")) {
                continue;
            }
            labels.add(comparison.jdk() + " " + comparison.name() + " " + comparison.parameters());
            ratios.add(comparison.ratio());
        }
        endToEnd.forEach((jdk, modes) -> modes.forEach((mode, rates) -> {
            if (rates.containsKey(Implementation.SIOTLS) && rates.containsKey(Implementation.SUNJSSE)) {
                labels.add(jdk + " Tomcat sample requests/s, wrk, " + mode);
                ratios.add(rates.get(Implementation.SIOTLS) / rates.get(Implementation.SUNJSSE));
            }
        }));
        memory.forEach((jdk, bytes) -> {
            if (bytes.containsKey(Implementation.SIOTLS) && bytes.containsKey(Implementation.SUNJSSE)) {
                labels.add(jdk + " retained heap per idle connection (lower is better)");
                ratios.add((double) bytes.get(Implementation.SIOTLS) / bytes.get(Implementation.SUNJSSE));
            }
        });
        int rowHeight = 18;
        int labelWidth = 620;
        int barWidth = 420;
        int height = 40 + rowHeight * labels.size() + 20;
        BufferedImage image = new BufferedImage(labelWidth + barWidth + 80, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString("siotls ÷ SunJSSE (same run)", 10, 20);
        double max = Math.max(2.5, ratios.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < labels.size(); i++) {
            int y = 40 + i * rowHeight;
            g.setColor(Color.DARK_GRAY);
            g.drawString(labels.get(i), 10, y + 12);
            int width = (int) Math.round(barWidth * Math.min(ratios.get(i), max) / max);
            g.setColor(ratios.get(i) >= 1 ? new Color(0x2e7d32) : new Color(0xc62828));
            g.fillRect(labelWidth, y + 2, width, rowHeight - 6);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", ratios.get(i)), labelWidth + width + 4, y + 12);
        }
        int parity = labelWidth + (int) Math.round(barWidth / max);
        g.setColor(Color.BLUE);
        g.drawLine(parity, 30, parity, height - 10);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
