package io.siotls.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The post-quantum section of {@code docs/benchmarks.md}: from each JDK folder's
 * {@code pq*.csv} ({@link PostQuantumHandshakeBenchmark}) the handshakes per second per
 * implementation and group; from the logs of {@link PairedPostQuantumBenchmark} the two ratios
 * the project targets (siotls' hybrid handshake at least 0.8 of its x25519 one, and at least
 * BoringSSL's hybrid handshake); and from
 * {@code mlkem.csv} ({@link MlKemBenchmark}) ML-KEM-768 on BouncyCastle beside the JDK's KEM.
 */
final class PostQuantumReport {

    private static final String PAIRED = "io.siotls.benchmarks.PairedPostQuantumBenchmark.handshakesInTurn";

    private PostQuantumReport() {
    }

    static String markdown(List<Path> jdks) throws IOException {
        StringBuilder handshakes = new StringBuilder();
        StringBuilder targets = new StringBuilder();
        StringBuilder mlKem = new StringBuilder();
        for (Path jdk : jdks) {
            String label = jdk.getFileName().toString();
            List<ResultRow> rows = rows(jdk);
            for (ResultRow row : rows) {
                if (row.benchmark().endsWith("PostQuantumHandshakeBenchmark.fullHandshake")) {
                    handshakes.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", label,
                            row.implementation(), row.parameters().get("group"), score(row),
                            JmhCsv.allocation(rows, row)));
                }
            }
            Map<String, PairedRatio> paired = PairedRatio.read(jdk);
            targets.append(HandshakeTargets.pairedRow(label, "siotls X25519MLKEM768 ÷ siotls x25519",
                    paired.get(pairedKey(PairedPostQuantumBenchmark.Reference.SIOTLS_X25519)), Target.atLeast(0.8)));
            targets.append(HandshakeTargets.pairedRow(label, "siotls X25519MLKEM768 ÷ BoringSSL X25519MLKEM768",
                    paired.get(pairedKey(PairedPostQuantumBenchmark.Reference.BORINGSSL_X25519MLKEM768)),
                    Target.atLeast(1.0)));
            Path kem = jdk.resolve("mlkem.csv");
            if (Files.exists(kem)) {
                List<ResultRow> kemRows = JmhCsv.read(kem);
                for (String operation : List.of("keyGeneration", "encapsulation", "decapsulation")) {
                    ResultRow bc = kemRow(kemRows, operation, "BOUNCYCASTLE");
                    ResultRow jdkKem = kemRow(kemRows, operation, "JDK");
                    mlKem.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label, operation,
                            bc == null ? "–" : score(bc), jdkKem == null ? "–" : score(jdkKem)));
                }
            }
        }
        if (handshakes.length() == 0 && mlKem.length() == 0) {
            return "";
        }
        return "\n## Post-quantum key exchange\n\n`PostQuantumHandshakeBenchmark`: full handshakes as above (ECDSA "
                + "P-256 chain, no client certificate), both engines offering the one group; SunJSSE has no hybrid "
                + "up to JDK 25 and is shown with x25519 for scale.\n\n"
                + "| JDK | implementation | group | handshakes/s | B/op |\n|---|---|---|---|---|\n" + handshakes
                + "\nThe targets, from `PairedPostQuantumBenchmark`: siotls' hybrid handshake and the reference taking "
                + "turns on one thread, as for the handshake targets above.\n\n"
                + "| JDK | ratio | value | target | verdict | error | drift |\n|---|---|---|---|---|---|---|\n" + targets
                + "\n`MlKemBenchmark`: ML-KEM-768 alone, µs per operation (lower is better): BouncyCastle's "
                + "lightweight API, which siotls uses before JDK 24, beside the JDK's `javax.crypto.KEM`, which it "
                + "uses from JDK 24 on.\n\n"
                + "| JDK | operation | BouncyCastle | JDK KEM |\n|---|---|---|---|\n" + mlKem;
    }

    private static List<ResultRow> rows(Path jdk) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(jdk)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("pq.*\\.csv")).sorted().toList()) {
                rows.addAll(JmhCsv.read(file));
            }
        }
        return rows;
    }

    private static String pairedKey(PairedPostQuantumBenchmark.Reference reference) {
        return IterationLog.key(PAIRED, Map.of("reference", reference.name()));
    }

    private static ResultRow kemRow(List<ResultRow> rows, String operation, String backend) {
        return rows.stream().filter(row -> row.benchmark().endsWith("MlKemBenchmark." + operation))
                .filter(row -> backend.equals(row.parameters().get("backend"))).findFirst().orElse(null);
    }

    private static String score(ResultRow row) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", row.score(), row.error());
    }
}
