package io.siotls.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Not a benchmark: one short in-process iteration of each benchmark, to prove that they all run
 * and measure every implementation, and that the report is written from their results. The
 * numbers come from {@code benchmarks/run.sh}, never from here.
 */
class BenchmarkSmokeTest {

    @Test
    void everyBenchmarkRunsForEveryImplementationAndTheReportIsWritten(@TempDir Path work) throws Exception {
        Path results = work.resolve("results");
        Path jdk = Files.createDirectories(results.resolve("jdk-smoke"));
        List<String> implementations = java.util.Arrays.stream(Implementation.values())
                .filter(Contexts::available).map(Enum::name).toList();
        Options options = new OptionsBuilder()
                .include("\\.HandshakeBenchmark\\.|BulkBenchmark|JcaAeadBenchmark")
                .param("implementation", implementations.toArray(String[]::new))
                .param("chain", "EC_P256")
                .param("mutual", "true")
                .param("size", "1024")
                .param("suite", "TLS_AES_128_GCM_SHA256")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.CSV)
                .result(jdk.resolve("jmh.csv").toString())
                .build();

        Collection<RunResult> runs = new Runner(options).run();

        Set<String> measured = runs.stream()
                .filter(run -> run.getPrimaryResult().getScore() > 0)
                .map(run -> run.getParams().getBenchmark().replaceAll(".*\\.", "") + " "
                        + (run.getParams().getParamsKeys().contains("implementation")
                                ? run.getParams().getParam("implementation") : "JCA"))
                .collect(Collectors.toSet());
        for (String implementation : implementations) {
            assertThat(measured).contains("fullHandshake " + implementation, "sealAndOpen " + implementation);
        }
        assertThat(measured).contains("sealAndOpen JCA");
        assertThat(implementations).contains("SIOTLS", "SUNJSSE", "BCJSSE");

        Collection<RunResult> paired = new Runner(smoke("PairedHandshakeBenchmark").param("chain", "EC_P256")
                .param("mutual", "true").param("reference", "SUNJSSE").measurementIterations(2)
                .output(jdk.resolve("paired-handshake.log").toString()).build()).run();
        assertThat(paired).hasSize(1);
        assertThat(paired.iterator().next().getSecondaryResults())
                .as("each implementation's time, counted apart").containsKeys("siotlsNanos", "referenceNanos");
        Collection<RunResult> bulkInTurns = new Runner(smoke("PairedBulkBenchmark").param("size", "1024")
                .param("suite", "TLS_AES_128_GCM_SHA256").measurementIterations(2)
                .output(jdk.resolve("paired-bulk.log").toString()).build()).run();
        assertThat(bulkInTurns).hasSize(1);

        Files.writeString(jdk.resolve("memory.txt"), idleConnectionMemory());
        Path docs = work.resolve("docs");
        BenchmarkReport.main(new String[] {results.toString(), docs.toString()});

        String report = Files.readString(docs.resolve("benchmarks.md"));
        assertThat(report).contains("| jdk-smoke | Handshake.fullHandshake | chain=EC_P256, mutual=true |",
                "| jdk-smoke | Bulk.sealAndOpen | size=1024, suite=TLS_AES_128_GCM_SHA256 |",
                "| jdk-smoke | handshake |", "| jdk-smoke | traffic |");
        assertThat(report).contains("## Handshake targets",
                "| jdk-smoke | handshakes/s, siotls ÷ SunJSSE | EC_P256 | true |",
                "## Bulk transfer in turns", "| jdk-smoke | TLS_AES_128_GCM_SHA256 | 1024 |");
        assertThat(report.lines().filter(line -> line.startsWith("| jdk-smoke | Bulk.sealAndOpen |")))
                .as("the bulk row beside SunJSSE and beside the JCA cipher alone").hasSize(2);
        assertThat(Files.size(docs.resolve("benchmarks.png"))).isPositive();
    }

    @Test
    void thePostQuantumBenchmarksRunAndTheReportShowsTheirTargets(@TempDir Path work) throws Exception {
        Path jdk = Files.createDirectories(work.resolve("results").resolve("jdk-smoke"));
        List<String> implementations = java.util.stream.Stream.of(Implementation.SIOTLS, Implementation.BORINGSSL)
                .filter(Contexts::available).map(Enum::name).toList();
        Collection<RunResult> handshakes = new Runner(smoke("PostQuantumHandshakeBenchmark")
                .param("implementation", implementations.toArray(String[]::new))
                .result(jdk.resolve("pq.csv").toString()).build()).run();
        Collection<RunResult> paired = new Runner(smoke("PairedPostQuantumBenchmark").measurementIterations(2)
                .param("reference", "SIOTLS_X25519").output(jdk.resolve("paired-pq.log").toString()).build()).run();
        Collection<RunResult> kem = new Runner(smoke("MlKemBenchmark").param("backend", "BOUNCYCASTLE")
                .result(jdk.resolve("mlkem.csv").toString()).build()).run();

        assertThat(handshakes).hasSize(2 * implementations.size())
                .allSatisfy(run -> assertThat(run.getPrimaryResult().getScore()).isPositive());
        assertThat(kem).hasSize(3).allSatisfy(run -> assertThat(run.getPrimaryResult().getScore()).isPositive());
        assertThat(paired).hasSize(1);
        String report = PostQuantumReport.markdown(List.of(jdk));
        assertThat(report).contains("| jdk-smoke | SIOTLS | X25519MLKEM768 |",
                "| jdk-smoke | siotls X25519MLKEM768 ÷ siotls x25519 |", "| jdk-smoke | decapsulation |");
    }

    @Test
    void theResumedHandshakesResumeAndTheReportShowsTheirTargets(@TempDir Path work) throws Exception {
        Path jdk = Files.createDirectories(work.resolve("results").resolve("jdk-smoke"));
        Collection<RunResult> runs = new Runner(smoke("ResumedHandshakeBenchmark")
                .param("implementation", "SIOTLS", "SUNJSSE")
                .result(jdk.resolve("resumed.csv").toString()).build()).run();
        Collection<RunResult> full = new Runner(smoke("\\.HandshakeBenchmark\\.fullHandshake")
                .param("implementation", "SIOTLS", "SUNJSSE").param("chain", "EC_P256").param("mutual", "false")
                .result(jdk.resolve("jmh-handshake.csv").toString()).build()).run();
        Collection<RunResult> paired = new Runner(smoke("PairedResumptionBenchmark").measurementIterations(2)
                .output(jdk.resolve("paired-resumed.log").toString()).build()).run();

        assertThat(runs).as("resumed, siotls and SunJSSE").hasSize(2)
                .allSatisfy(run -> assertThat(run.getPrimaryResult().getScore()).isPositive());
        assertThat(full).hasSize(2);
        assertThat(paired).as("beside siotls' full handshake and SunJSSE's resumed one").hasSize(2);
        String report = ResumptionReport.markdown(List.of(jdk));
        assertThat(report).contains("| jdk-smoke | SIOTLS |", "| jdk-smoke | SUNJSSE |",
                "| jdk-smoke | siotls resumed ÷ siotls full |", "| jdk-smoke | siotls resumed ÷ SunJSSE resumed |");
    }

    /** The setup's check refuses an implementation that does not resume, rather than measuring full handshakes. */
    @Test
    void anImplementationThatDoesNotResumeFailsTheSetup() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ResumedHandshakes(Implementation.BCJSSE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BCJSSE ran 3 full handshakes");
    }

    private static OptionsBuilder smoke(String benchmark) {
        OptionsBuilder options = new OptionsBuilder();
        options.include(benchmark).forks(0).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200)).shouldFailOnError(true)
                .resultFormat(ResultFormatType.CSV);
        return options;
    }

    @Test
    void engineCreationRunsForEveryContextAndParameterSet() throws Exception {
        Options options = new OptionsBuilder()
                .include("EngineCreationBenchmark")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> runs = new Runner(options).run();

        assertThat(runs.stream().filter(run -> run.getPrimaryResult().getScore() > 0)
                .map(run -> run.getParams().getParam("context") + "/" + run.getParams().getParam("hostParameters")))
                .containsExactlyInAnyOrder("CONFIGURATION/false", "CONFIGURATION/true", "KEY_MANAGERS/false",
                        "KEY_MANAGERS/true");
    }

    /** IdleConnectionMemory over a few connections: its output lines, each a positive byte count. */
    private static String idleConnectionMemory() throws Exception {
        PrintStream standardOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            IdleConnectionMemory.main(new String[] {"50", "SIOTLS,SUNJSSE"});
        } finally {
            System.setOut(standardOut);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output.lines()).hasSize(4).allSatisfy(line ->
                assertThat(line).matches("memory (SIOTLS|SUNJSSE) (handshake|traffic) -?\\d+"));
        return output;
    }
}
