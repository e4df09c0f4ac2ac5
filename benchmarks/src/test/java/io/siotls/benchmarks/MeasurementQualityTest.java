package io.siotls.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the report judges a target and the trust a measurement deserves. */
class MeasurementQualityTest {

    private static final String PAIRED = "io.siotls.benchmarks.PairedHandshakeBenchmark.handshakesInTurn";

    private static final String LOG = """
            # JMH version: 1.37
            # Warmup: 3 iterations, 2 s each
            # Benchmark: io.siotls.benchmarks.PairedHandshakeBenchmark.handshakesInTurn
            # Parameters: (chain = EC_P256, mutual = false, reference = BORINGSSL)

            # Run progress: 0.00% complete, ETA 00:01:00
            # Fork: 1 of 2
            # Warmup Iteration   1: 263.123 ops/s
            # Warmup Iteration   2: 581.500 ops/s
            Iteration   1: 877.000 ops/s
                             referenceNanos: 700000000.000 #
                             siotlsNanos:    1000000000.000 #
                             ·gc.alloc.rate:      578.241 MB/sec
            Iteration   2: 1033.000 ops/s
                             referenceNanos: 720000000.000 #
                             siotlsNanos:    1000000000.000 #

            # Run progress: 25.00% complete, ETA 00:00:45
            # Fork: 2 of 2
            # Warmup Iteration   1: 300.000 ops/s
            Iteration   1: 880.000 ops/s
                             referenceNanos: 690000000.000 #
                             siotlsNanos:    1000000000.000 #
            Iteration   2: 1010.000 ops/s
                             referenceNanos: 710000000.000 #
                             siotlsNanos:    1000000000.000 #

            # Benchmark: io.siotls.benchmarks.PairedHandshakeBenchmark.handshakesInTurn
            # Parameters: (chain = EC_P256, mutual = false, reference = SUNJSSE)

            # Fork: 1 of 1
            # Warmup Iteration   1: 199.000 ops/s
            Iteration   1: 202.000 ops/s
                             referenceNanos: 500000000.000 #
                             siotlsNanos:    100000000.000 #
            Iteration   2: 198.000 ops/s
                             referenceNanos: 600000000.000 #
                             siotlsNanos:    100000000.000 #

            # Benchmark: io.siotls.benchmarks.HandshakeBenchmark.fullHandshake
            # Parameters: (chain = EC_P256, implementation = SIOTLS, mutual = false)

            # Fork: 1 of 1
            Iteration   1: 1202.000 ops/s
                             ·gc.alloc.rate:      578.241 MB/sec
            """;

    @Test
    void aTargetIsMetOnlyWhenTheWholeErrorIntervalClearsIt() {
        Target atLeastOne = Target.atLeast(1.0);
        assertThat(atLeastOne.verdict(new Ratio(1.2, 0.1))).isEqualTo("met");
        assertThat(atLeastOne.verdict(new Ratio(1.2, 0.3))).isEqualTo("within the error");
        assertThat(atLeastOne.verdict(new Ratio(0.7, 0.2))).isEqualTo("missed");
        Target atMostHalf = Target.atMost(0.5);
        assertThat(atMostHalf.verdict(new Ratio(0.4, 0.05))).isEqualTo("met");
        assertThat(atMostHalf.verdict(new Ratio(0.45, 0.1))).isEqualTo("within the error");
        assertThat(atMostHalf.verdict(new Ratio(0.9, 0.1))).isEqualTo("missed");
        assertThat(atLeastOne).hasToString("≥ 1.0");
    }

    @Test
    void aRatioCarriesBothRelativeErrors() {
        Ratio ratio = Ratio.of(row(300, 30), row(100, 0));
        assertThat(ratio.value()).isEqualTo(3.0);
        assertThat(ratio.error()).isCloseTo(0.3, offset(1e-9));
    }

    @Test
    void aPairedRatioIsTheMeanOfItsIterationsWithStudentsInterval(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("paired-handshake.log"), LOG);
        Map<String, PairedRatio> ratios = PairedRatio.read(dir);

        assertThat(ratios).as("a run without turn counters has no paired ratio").hasSize(2);
        PairedRatio boringSsl = ratios.get(IterationLog.key(PAIRED,
                Map.of("reference", "BORINGSSL", "mutual", "false", "chain", "EC_P256")));
        assertThat(boringSsl.iterations()).isEqualTo(4);
        assertThat(boringSsl.value()).isCloseTo((0.70 + 0.72 + 0.69 + 0.71) / 4, offset(1e-12));
        double deviation = Math.sqrt((0.005 * 0.005 + 0.015 * 0.015 + 0.015 * 0.015 + 0.005 * 0.005) / 3);
        assertThat(boringSsl.error()).as("t(3) at 99.9 %% is 12.924")
                .isCloseTo(12.924 * deviation / 2, offset(1e-3));
        assertThat(boringSsl.drift()).isCloseTo((0.72 + 0.71 - 0.70 - 0.69) / (0.70 + 0.69), offset(1e-12));
        assertThat(boringSsl.steady()).isTrue();

        PairedRatio climbing = ratios.get(IterationLog.key(PAIRED,
                Map.of("reference", "SUNJSSE", "mutual", "false", "chain", "EC_P256")));
        assertThat(climbing.value()).isCloseTo(5.5, offset(1e-12));
        assertThat(climbing.drift()).isCloseTo(0.2, offset(1e-12));
        assertThat(climbing.steady()).isFalse();
        assertThat(HandshakeTargets.pairedRow("jdk17", "ratio", climbing, Target.atLeast(4.0)))
                .startsWith("| jdk17 | ratio | 5.50 ± ").contains("| ≥ 4.0 |", "over 2 iterations", "+20.0 % (not steady)");
        assertThat(HandshakeTargets.pairedRow("jdk17", "ratio", null, Target.atLeast(4.0))).isEmpty();
        assertThat(IterationLog.read(dir.resolve("absent.log"))).isEmpty();
    }

    /** The chart shows a ratio measured in turns where there is one, keyed as the paired run's log has it. */
    @Test
    void aComparisonFindsItsPairedRun() {
        ResultRow siotls = new ResultRow("io.siotls.benchmarks.HandshakeBenchmark.fullHandshake",
                Map.of("implementation", "SIOTLS", "chain", "EC_P256", "mutual", "true"), 1000, 10, "ops/s");
        ResultRow sunJsse = new ResultRow(siotls.benchmark(),
                Map.of("implementation", "SUNJSSE", "chain", "EC_P256", "mutual", "true"), 200, 10, "ops/s");
        BenchmarkReport.Comparison handshake = new BenchmarkReport.Comparison("jdk17", siotls.shortName(), "",
                siotls, sunJsse, Map.of());
        assertThat(BenchmarkReport.pairedKey(handshake)).isEqualTo(IterationLog.key(PAIRED,
                Map.of("chain", "EC_P256", "mutual", "true", "reference", "SUNJSSE")));

        ResultRow bulk = new ResultRow("io.siotls.benchmarks.BulkBenchmark.sealAndOpen",
                Map.of("implementation", "SIOTLS", "size", "1024", "suite", "TLS_AES_128_GCM_SHA256"), 1, 0, "ops/s");
        assertThat(BenchmarkReport.pairedKey(new BenchmarkReport.Comparison("jdk17", bulk.shortName(), "", bulk, bulk,
                Map.of()))).isEqualTo(IterationLog.key("io.siotls.benchmarks.PairedBulkBenchmark.writesInTurn",
                        Map.of("size", "1024", "suite", "TLS_AES_128_GCM_SHA256")));
        ResultRow resumed = new ResultRow("io.siotls.benchmarks.ResumedHandshakeBenchmark.resumedHandshake",
                Map.of("implementation", "SIOTLS"), 1, 0, "ops/s");
        assertThat(BenchmarkReport.pairedKey(new BenchmarkReport.Comparison("jdk17", resumed.shortName(), "", resumed,
                resumed, Map.of()))).as("no paired run against SunJSSE").isEmpty();
    }

    @Test
    void anEndToEndTargetIsMetOnlyWhenTheWorstRoundsClearIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("e2e.txt"), """
                e2e SIOTLS keep-alive 1 9000.0
                e2e SIOTLS new-connection 1 900.0
                e2e SIOTLS new-connection 2 1000.0
                e2e SIOTLS new-connection 3 950.0
                e2e SIOTLS cpu-per-connection 1 800.0
                e2e SUNJSSE new-connection 1 400.0
                e2e SUNJSSE new-connection 2 440.0
                e2e SUNJSSE new-connection 3 480.0
                e2e SUNJSSE cpu-per-connection 1 2000.0
                e2e SUNJSSE keep-alive 1 8000.0
                e2e SIOTLS cpu-per-request 1 40.0
                e2e SUNJSSE cpu-per-request 1 50.0
                an unrelated line
                """);
        Map<String, Map<Implementation, List<Double>>> measures = EndToEndReport.read(file);
        assertThat(measures.get("new-connection").get(Implementation.SIOTLS)).containsExactly(900.0, 1000.0, 950.0);
        assertThat(EndToEndReport.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(EndToEndReport.lowerIsBetter("cpu-per-connection")).isTrue();
        assertThat(EndToEndReport.lowerIsBetter("cpu-per-request")).isTrue();
        assertThat(EndToEndReport.lowerIsBetter("keep-alive-http1")).isFalse();

        String section = EndToEndReport.markdown(Map.of("jdk17", measures));
        assertThat(section)
                .as("900 / 480 < 2 < 1000 / 400: the spread cannot tell")
                .contains("| jdk17 | new-connection | 900, 1000, 950 | 400, 440, 480 | 2.16 | 1.88 – 2.50 | ≥ 2.0: within the spread |")
                .contains("| jdk17 | cpu-per-connection | 800 | 2000 | 0.40 | 0.40 – 0.40 |  |")
                .contains("| jdk17 | cpu-per-request | 40 | 50 | 0.80 | 0.80 – 0.80 |  |");
    }

    private static ResultRow row(double score, double error) {
        return new ResultRow("b", Map.of(), score, error, "ops/s");
    }
}
