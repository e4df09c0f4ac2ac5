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
import java.util.HashMap;
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
 * {@code jmh*.csv}, {@code memory.txt} and {@code e2e.txt}), every measurement of siotls beside
 * SunJSSE's (and BouncyCastle's JSSE's and BoringSSL's where they ran) with the ratio to SunJSSE and
 * JMH's error carried into it, and each bulk measurement beside the JCA cipher alone.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /**
     * A siotls measurement and the SunJSSE one it is compared with, with the other
     * implementations' measurements of the same benchmark and parameters, where they ran.
     */
    record Comparison(String jdk, String name, String parameters, ResultRow siotls, ResultRow sunJsse,
            Map<Implementation, ResultRow> all) {

        double ratio() {
            return Ratio.of(siotls, sunJsse).value();
        }

        /** The ratio's error, from both relative errors. */
        double ratioError() {
            return Ratio.of(siotls, sunJsse).error();
        }
    }

    /** {@code args}: the results folder, the docs folder. */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Path docs = Path.of(args[1]);
        Files.createDirectories(docs);
        List<Comparison> comparisons = new ArrayList<>();
        List<Comparison> ceilings = new ArrayList<>();
        Map<String, Map<String, Map<Implementation, Double>>> memory = new TreeMap<>();
        Map<String, Map<String, Map<Implementation, List<Double>>>> endToEnd = new TreeMap<>();
        List<Path> jdks;
        try (Stream<Path> folders = Files.list(results)) {
            jdks = folders.filter(Files::isDirectory).sorted().toList();
        }
        for (Path jdk : jdks) {
            String label = jdk.getFileName().toString();
            List<ResultRow> rows = JmhCsv.readMain(jdk);
            comparisons.addAll(compare(label, rows));
            ceilings.addAll(ceilings(label, rows));
            memory.put(label, keyedLines(jdk.resolve("memory.txt"), "memory"));
            endToEnd.put(label, EndToEndReport.read(jdk.resolve("e2e.txt")));
        }
        Files.writeString(docs.resolve("benchmarks.md"), markdown(comparisons, results)
                + HandshakeTargets.markdown(jdks) + PairedBulkReport.markdown(jdks) + ceilingMarkdown(ceilings)
                + PostQuantumReport.markdown(jdks)
                + ResumptionReport.markdown(jdks) + memoryMarkdown(memory)
                + EndToEndReport.markdown(endToEnd),
                StandardCharsets.UTF_8);
        Map<String, Map<String, PairedRatio>> paired = new HashMap<>();
        for (Path jdk : jdks) {
            paired.put(jdk.getFileName().toString(), PairedRatio.read(jdk));
        }
        chart(comparisons, paired, memory, endToEnd, docs.resolve("benchmarks.png"));
    }

    static List<Comparison> compare(String jdk, List<ResultRow> rows) {
        Map<String, Map<Implementation, ResultRow>> byKey = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            if (row.reported() && row.implementation() != null) {
                byKey.computeIfAbsent(row.benchmark() + row.comparedParameters(), key -> new TreeMap<>())
                        .put(row.implementation(), row);
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (Map<Implementation, ResultRow> measured : byKey.values()) {
            ResultRow siotls = measured.get(Implementation.SIOTLS);
            ResultRow sunJsse = measured.get(Implementation.SUNJSSE);
            if (siotls != null && sunJsse != null) {
                comparisons.add(new Comparison(jdk, siotls.shortName(), parameters(siotls), siotls, sunJsse, measured));
            }
        }
        return comparisons;
    }

    private static String parameters(ResultRow row) {
        return row.comparedParameters().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    }

    /** Each siotls bulk measurement beside the JCA cipher alone on the same suite and size. */
    static List<Comparison> ceilings(String jdk, List<ResultRow> rows) {
        Map<String, ResultRow> jca = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            if (row.reported() && row.benchmark().contains("JcaAeadBenchmark")) {
                jca.put(metric(row) + row.comparedParameters(), row);
            }
        }
        List<Comparison> ceilings = new ArrayList<>();
        for (ResultRow row : rows) {
            if (row.reported() && row.implementation() == Implementation.SIOTLS
                    && row.benchmark().contains("BulkBenchmark")) {
                ResultRow alone = jca.get(metric(row) + row.comparedParameters());
                if (alone != null) {
                    ceilings.add(new Comparison(jdk, row.shortName(), parameters(row), row, alone, Map.of()));
                }
            }
        }
        return ceilings;
    }

    private static String metric(ResultRow row) {
        int colon = row.benchmark().indexOf(':');
        return colon < 0 ? "" : row.benchmark().substring(colon);
    }

    /**
     * {@code <tag> <IMPLEMENTATION> <key> <number>} lines ({@code memory SIOTLS handshake 2632}), by
     * key then implementation.
     */
    private static Map<String, Map<Implementation, Double>> keyedLines(Path file, String tag) throws IOException {
        Map<String, Map<Implementation, Double>> keys = new TreeMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 4 && fields[0].equals(tag)) {
                    keys.computeIfAbsent(fields[2], key -> new TreeMap<>())
                            .put(Implementation.valueOf(fields[1]), Double.parseDouble(fields[3]));
                }
            }
        }
        return keys;
    }

    private static final List<Implementation> OTHERS = List.of(Implementation.BCJSSE, Implementation.BORINGSSL);

    private static String markdown(List<Comparison> comparisons, Path results) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks: siotls beside SunJSSE, BouncyCastle's JSSE and BoringSSL\n\n");
        out.append("Written by `benchmarks/run.sh` from the results in `").append(results)
                .append("`; every number below comes from one run, all implementations measured in the same JVM "
                        + "run through the same `SSLEngine` driver over in-memory buffers (BoringSSL through Netty's "
                        + "OpenSSL engine, BouncyCastle's JSSE on the JDK's crypto providers, as both come). Ratios are "
                        + "siotls ÷ SunJSSE (above 1 is better for throughput, below 1 is better for bytes); the error "
                        + "is JMH's 99.9% interval carried into the ratio. These scores were measured one after the "
                        + "other while the machine's speed moved, hence their wide errors; the speed targets further "
                        + "down are judged from runs in which siotls and the reference took turns. Handshake "
                        + "benchmarks reuse one "
                        + "pair of wire buffers, so their allocation is the engines' own. A dash is a case that did not "
                        + "run: BouncyCastle's JSSE runs on the first JDK only; BoringSSL does not let TLS 1.3 "
                        + "cipher suites be chosen (it always took AES-128-GCM); BouncyCastle's JSSE found no "
                        + "ChaCha20-Poly1305 among the JDK's providers and refused the RSA test chain (\"no selectable "
                        + "cipher suite\", not investigated further). ")
                .append("![ratios](benchmarks.png)\n\n");
        out.append("| JDK | benchmark | parameters | siotls | SunJSSE | BCJSSE | BoringSSL | unit | siotls ÷ SunJSSE |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Comparison comparison : comparisons) {
            String others = OTHERS.stream().map(implementation -> comparison.all().get(implementation))
                    .map(row -> row == null ? "–" : score(row)).collect(Collectors.joining(" | "));
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %.2f ± %.2f |%n", comparison.jdk(),
                    comparison.name(), comparison.parameters(), score(comparison.siotls()), score(comparison.sunJsse()),
                    others, comparison.siotls().unit(), comparison.ratio(), comparison.ratioError()));
        }
        return out.toString();
    }

    private static String ceilingMarkdown(List<Comparison> ceilings) {
        StringBuilder out = new StringBuilder("\n## Bulk transfer against its ceiling: the JCA cipher alone\n\n"
                + "`JcaAeadBenchmark` seals and opens one record with the JDK's cipher and nothing around it, a new "
                + "nonce each time as TLS needs: what an engine built on JCA can at best reach, in speed and in "
                + "allocation per record.\n\n| JDK | benchmark | parameters | siotls | JCA alone | unit | siotls ÷ JCA |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Comparison ceiling : ceilings) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.2f ± %.2f |%n", ceiling.jdk(),
                    ceiling.name(), ceiling.parameters(), score(ceiling.siotls()), score(ceiling.sunJsse()),
                    ceiling.siotls().unit(), ceiling.ratio(), ceiling.ratioError()));
        }
        return out.toString();
    }

    private static String memoryMarkdown(Map<String, Map<String, Map<Implementation, Double>>> memory) {
        StringBuilder out = new StringBuilder("\n## Retained heap per idle established connection (server side, "
                + "after GC)\n\n`handshake`: right after the handshake; `traffic`: idle again after 16 KiB and 100 "
                + "bytes went each way. BoringSSL keeps its state in native memory, which the heap does not show.\n\n"
                + "| JDK | state | siotls | SunJSSE | BCJSSE | siotls ÷ SunJSSE |\n|---|---|---|---|---|---|\n");
        memory.forEach((jdk, states) -> states.forEach((state, bytes) -> {
            Double ours = bytes.get(Implementation.SIOTLS);
            Double theirs = bytes.get(Implementation.SUNJSSE);
            Double bc = bytes.get(Implementation.BCJSSE);
            if (ours != null && theirs != null) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %,.0f B | %,.0f B | %s | %.2f |%n", jdk, state, ours,
                        theirs, bc == null ? "–" : String.format(Locale.ROOT, "%,.0f B", bc), ours / theirs));
            }
        }));
        return out.toString();
    }

    private static String score(ResultRow row) {
        return Double.isNaN(row.error()) ? String.format(Locale.ROOT, "%.1f", row.score())
                : String.format(Locale.ROOT, "%.1f ± %.1f", row.score(), row.error());
    }

    /** A horizontal bar per comparison: the ratio, with a line at 1 (parity with SunJSSE), green where siotls does better. */
    /** The key of the paired run measuring the same as {@code comparison} against SunJSSE, if there is one. */
    static String pairedKey(Comparison comparison) {
        Map<String, String> parameters = comparison.siotls().comparedParameters();
        if (comparison.name().equals("Handshake.fullHandshake")) {
            Map<String, String> turns = new HashMap<>(parameters);
            turns.put("reference", Implementation.SUNJSSE.name());
            return IterationLog.key("io.siotls.benchmarks.PairedHandshakeBenchmark.handshakesInTurn", turns);
        }
        if (comparison.name().equals("Bulk.sealAndOpen")) {
            return IterationLog.key("io.siotls.benchmarks.PairedBulkBenchmark.writesInTurn", parameters);
        }
        return "";
    }

    /**
     * The chart: siotls ÷ SunJSSE per benchmark, measured in turns where a paired benchmark ran
     * ({@link #pairedKey}), else from the scores measured apart; then the Tomcat sample and idle
     * memory.
     */
    private static void chart(List<Comparison> comparisons, Map<String, Map<String, PairedRatio>> paired,
            Map<String, Map<String, Map<Implementation, Double>>> memory,
            Map<String, Map<String, Map<Implementation, List<Double>>>> endToEnd, Path file) throws IOException {
        List<String> labels = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Boolean> lowerIsBetter = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            if (comparison.name().contains("gc.alloc")) {
                continue;
            }
            PairedRatio inTurns = paired.getOrDefault(comparison.jdk(), Map.of()).get(pairedKey(comparison));
            labels.add(comparison.jdk() + " " + comparison.name() + " " + comparison.parameters()
                    + (inTurns != null ? ", in turns" : ""));
            ratios.add(inTurns != null ? inTurns.value() : comparison.ratio());
            lowerIsBetter.add(false);
        }
        endToEnd.forEach((jdk, measures) -> measures.forEach((measure, values) -> {
            if (values.containsKey(Implementation.SIOTLS) && values.containsKey(Implementation.SUNJSSE)) {
                boolean lower = EndToEndReport.lowerIsBetter(measure);
                labels.add(jdk + " Tomcat sample, h2load, " + measure + (lower ? " (lower is better)" : ""));
                ratios.add(EndToEndReport.median(values.get(Implementation.SIOTLS))
                        / EndToEndReport.median(values.get(Implementation.SUNJSSE)));
                lowerIsBetter.add(lower);
            }
        }));
        memory.forEach((jdk, states) -> states.forEach((state, bytes) -> {
            if (bytes.containsKey(Implementation.SIOTLS) && bytes.containsKey(Implementation.SUNJSSE)) {
                labels.add(jdk + " retained heap per idle connection after " + state + " (lower is better)");
                ratios.add(bytes.get(Implementation.SIOTLS) / bytes.get(Implementation.SUNJSSE));
                lowerIsBetter.add(true);
            }
        }));
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
        g.drawString("siotls ÷ SunJSSE (same run; \"in turns\": the two timed in alternation, see docs/benchmarks.md)", 10, 20);
        double max = Math.max(2.5, ratios.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < labels.size(); i++) {
            int y = 40 + i * rowHeight;
            g.setColor(Color.DARK_GRAY);
            g.drawString(labels.get(i), 10, y + 12);
            int width = (int) Math.round(barWidth * Math.min(ratios.get(i), max) / max);
            boolean better = lowerIsBetter.get(i) ? ratios.get(i) <= 1 : ratios.get(i) >= 1;
            g.setColor(better ? new Color(0x2e7d32) : new Color(0xc62828));
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
