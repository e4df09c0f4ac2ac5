package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The section of {@code docs/benchmarks.md} with the bulk ratios measured in turns
 * ({@link PairedBulkBenchmark}): siotls ÷ SunJSSE per suite and write size, with the error and
 * drift of {@link PairedRatio}, precise where the scores measured one after the other are not.
 */
final class PairedBulkReport {

    private static final String PAIRED = "io.siotls.benchmarks.PairedBulkBenchmark.writesInTurn";
    private static final List<String> SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");
    private static final List<String> SIZES = List.of("16384", "1024");

    private PairedBulkReport() {
    }

    static String markdown(List<Path> jdks) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (Path jdk : jdks) {
            Map<String, PairedRatio> paired = PairedRatio.read(jdk);
            for (String size : SIZES) {
                for (String suite : SUITES) {
                    PairedRatio ratio = paired.get(IterationLog.key(PAIRED, Map.of("suite", suite, "size", size)));
                    if (ratio != null) {
                        rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f ± %.2f | %s over %d iterations | %s |%n",
                                jdk.getFileName(), suite, size, ratio.value(), ratio.error(),
                                HandshakeTargets.percent(ratio.relativeError()), ratio.iterations(),
                                HandshakeTargets.drift(ratio)));
                    }
                }
            }
        }
        if (rows.length() == 0) {
            return "";
        }
        return "\n## Bulk transfer in turns\n\n`PairedBulkBenchmark`: the writes of `BulkBenchmark`, siotls and SunJSSE "
                + "taking turns on one thread sixteen writes at a time, each side timed apart: siotls ÷ SunJSSE in "
                + "throughput, with the error and drift of the handshake targets.\n\n"
                + "| JDK | suite | bytes per write | siotls ÷ SunJSSE | error | drift |\n|---|---|---|---|---|---|\n" + rows;
    }
}
