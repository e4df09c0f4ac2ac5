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

    private static final String LOG = """
            # JMH version: 1.37
            # Warmup: 3 iterations, 2 s each
            # Benchmark: io.siotls.benchmarks.HandshakeBenchmark.fullHandshake
            # Parameters: (chain = EC_P256, implementation = SIOTLS, mutual = false)

            # Run progress: 0.00% complete, ETA 00:01:00
            # Fork: 1 of 2
            # Warmup Iteration   1: 263.123 ops/s
            # Warmup Iteration   2: 581.500 ops/s
            # Warmup Iteration   3: 718.250 ops/s
            Iteration   1: 877.000 ops/s
                             ·gc.alloc.rate:      578.241 MB/sec
            Iteration   2: 1033.000 ops/s

            # Run progress: 25.00% complete, ETA 00:00:45
            # Fork: 2 of 2
            # Warmup Iteration   1: 300.000 ops/s
            # Warmup Iteration   2: 700.000 ops/s
            # Warmup Iteration   3: 720.000 ops/s
            Iteration   1: 880.000 ops/s
            Iteration   2: 1010.000 ops/s

            # Benchmark: io.siotls.benchmarks.HandshakeBenchmark.fullHandshake
            # Parameters: (chain = EC_P256, implementation = SUNJSSE, mutual = false)

            # Fork: 1 of 1
            # Warmup Iteration   1: 199.000 ops/s
            # Warmup Iteration   2: 201.000 ops/s
            Iteration   1: 202.000 ops/s
            Iteration   2: 198.000 ops/s
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
    void aScoreStillClimbingWhileMeasuredIsNotSteady(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("jmh-handshake.log"), LOG);
        Map<String, List<IterationLog.Fork>> runs = IterationLog.read(log);

        List<IterationLog.Fork> siotls = runs.get(IterationLog.key("io.siotls.benchmarks.HandshakeBenchmark.fullHandshake",
                Map.of("mutual", "false", "implementation", "SIOTLS", "chain", "EC_P256")));
        assertThat(siotls).hasSize(2);
        assertThat(siotls.get(0).warmup()).containsExactly(263.123, 581.5, 718.25);
        assertThat(siotls.get(0).measured()).containsExactly(877.0, 1033.0);
        Steadiness climbing = Steadiness.of(siotls);
        assertThat(climbing.lastWarmupMean()).isCloseTo((581.5 + 718.25 + 700 + 720) / 4, offset(1e-9));
        assertThat(climbing.steady()).isFalse();
        assertThat(climbing.drift()).isNegative();

        Steadiness flat = Steadiness.of(runs.get(IterationLog.key("io.siotls.benchmarks.HandshakeBenchmark.fullHandshake",
                Map.of("chain", "EC_P256", "implementation", "SUNJSSE", "mutual", "false"))));
        assertThat(flat.steady()).isTrue();
        assertThat(IterationLog.read(dir.resolve("absent.log"))).isEmpty();
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
