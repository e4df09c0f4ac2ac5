package io.siotls.samples.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.testing.PeerCommand;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample built ahead of time, as {@code spring-boot:process-aot} builds it for a native image,
 * then run on the JVM from that build ({@code -Dspring.aot.enabled=true}, which fails to start
 * without the generated initializer): Boot's AOT processor runs in a child JVM, makes no
 * development certificate and writes siotls's runtime hints into the native-image metadata, the
 * generated sources compile, and the application started from them
 * makes its development certificates and serves mutual TLS on siotls to curl, refusing curl
 * without the client certificate.
 */
class MvcSampleAotTest {

    private static final String MAIN = MvcSampleApplication.class.getName();
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path work;

    @Test
    void theAheadOfTimeBuildServesMutualTlsOnTheJvm() throws Exception {
        PeerCommand.require("curl");
        Path sources = work.resolve("sources");
        Path resources = work.resolve("resources");
        Path classes = work.resolve("classes");
        Path certificates = work.resolve("certificates");
        String classpath = System.getProperty("java.class.path");

        Path aotLog = work.resolve("aot.log");
        Process aot = java(aotLog, List.of("-cp", classpath, "org.springframework.boot.SpringApplicationAotProcessor",
                MAIN, sources.toString(), resources.toString(), classes.toString(), "io.siotls", "siotls-sample-mvc",
                "--siotls.dev-certificates.directory=" + certificates));
        assertThat(aot.waitFor(120, TimeUnit.SECONDS)).as("the AOT processing ended").isTrue();
        assertThat(aot.exitValue()).as(Files.readString(aotLog)).isZero();
        assertThat(certificates).as("no development certificate is made at build time").doesNotExist();

        String hints = nativeImageMetadata(resources);
        assertThat(hints).as("siotls's RuntimeHintsRegistrar was applied")
                .contains("io.siotls.spring.autoconfigure.tomcat.SiotlsTomcatSslImplementation")
                .contains("io.siotls.jsse.SiotlsSSLContextSpi").contains("javax.crypto.KEM");

        List<String> generated = javaFiles(sources);
        assertThat(generated).anyMatch(file -> file.endsWith("MvcSampleApplication__ApplicationContextInitializer.java"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("-proc:none", "-nowarn", "-d", classes.toString(), "-cp", classpath));
        arguments.addAll(generated);
        assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();

        Path appLog = work.resolve("app.log");
        Process app = java(appLog, List.of("-Dspring.aot.enabled=true", "-cp",
                classes + File.pathSeparator + resources + File.pathSeparator + classpath, MAIN, "--server.port=0",
                "--siotls.dev-certificates.directory=" + certificates));
        try {
            int port = awaitPort(app, appLog);
            Result ok = curl(List.of("--cacert", certificates.resolve("ca.pem").toString(),
                    "--cert", certificates.resolve("client.pem").toString(),
                    "--key", certificates.resolve("client-key.pem").toString(), "https://localhost:" + port + "/"));
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).startsWith("Hello CN=siotls development client: HTTP/2.0 over TLS 1.3 (TLS_")
                    .endsWith(") on siotls\n");
            Result refused = curl(List.of("--cacert", certificates.resolve("ca.pem").toString(),
                    "https://localhost:" + port + "/"));
            assertThat(refused.exitCode()).as(refused.err()).isNotZero();
            assertThat(refused.out()).isEmpty();
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static Process java(Path log, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Every native-image metadata file the AOT processing wrote, concatenated. */
    private static String nativeImageMetadata(Path resources) throws IOException {
        try (Stream<Path> files = Files.walk(resources.resolve("META-INF/native-image"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(file -> file.toString().endsWith(".json")).toList()) {
                all.append(Files.readString(file));
            }
            return all.toString();
        }
    }

    private static List<String> javaFiles(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
    }

    /** The port the application logs once Tomcat listens; fails with its log if it exits or takes a minute. */
    private static int awaitPort(Process app, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            Matcher started = STARTED.matcher(output);
            if (started.find()) {
                return Integer.parseInt(started.group(1));
            }
            assertThat(app.isAlive()).as(output).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("the application did not start within a minute:\n" + Files.readString(log));
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result curl(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
