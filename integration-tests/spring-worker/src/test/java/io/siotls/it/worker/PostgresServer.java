package io.siotls.it.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away PostgreSQL server (Debian package {@code postgresql}) in a temporary directory, on a
 * free loopback port, that accepts only TLS 1.3 connections authenticated by a client certificate
 * ({@code hostssl ... cert}, which is {@code clientcert=verify-full}, the certificate's CN being the
 * database user). PostgreSQL refuses to run as root: as root, its commands run as the
 * {@code postgres} user the package creates. Without PostgreSQL the test is skipped, except under
 * CI ({@code CI} set), where it fails.
 */
final class PostgresServer implements AutoCloseable {

    private final Path base;
    private final Path bin;
    private final int port;

    private PostgresServer(Path base, Path bin, int port) {
        this.base = base;
        this.bin = bin;
        this.port = port;
    }

    /**
     * Initialises and starts a server presenting {@code chain} and {@code key}, trusting client
     * certificates issued by {@code ca}, whose superuser is {@code user}.
     */
    static PostgresServer start(Path chain, Path key, Path ca, String user) throws IOException, InterruptedException {
        Path bin = binDirectory();
        Path base = Files.createTempDirectory("siotls-postgres");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
        Files.copy(chain, base.resolve("server.pem"));
        Files.copy(key, base.resolve("server-key.pem"));
        Files.copy(ca, base.resolve("ca.pem"));
        Files.setPosixFilePermissions(base.resolve("server-key.pem"), PosixFilePermissions.fromString("rw-------"));
        if (asRoot()) {
            UserPrincipal postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.toList()) {
                    Files.setOwner(file, postgres);
                }
            }
        }
        int port = freePort();
        PostgresServer server = new PostgresServer(base, bin, port);
        try {
            server.run("initdb", "-D", base.resolve("data").toString(), "-U", user, "--auth=trust", "--no-sync",
                    "--encoding=UTF8", "--locale=C");
            Files.writeString(base.resolve("data/pg_hba.conf"),
                    "# TLS only, authenticated by the client certificate (cert implies clientcert=verify-full)\n"
                            + "hostssl all all 127.0.0.1/32 cert\n", StandardCharsets.UTF_8);
            Files.writeString(base.resolve("data/postgresql.conf"), String.join("\n",
                    "listen_addresses = '127.0.0.1'", "port = " + port,
                    "unix_socket_directories = '" + base + "'", "ssl = on",
                    "ssl_cert_file = '" + base.resolve("server.pem") + "'",
                    "ssl_key_file = '" + base.resolve("server-key.pem") + "'",
                    "ssl_ca_file = '" + base.resolve("ca.pem") + "'",
                    "ssl_min_protocol_version = 'TLSv1.3'", "fsync = off", "max_connections = 20", ""),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            server.run("pg_ctl", "-D", base.resolve("data").toString(), "-l", base.resolve("postgres.log").toString(),
                    "-w", "-t", "30", "start");
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** The server's log, for failure messages. */
    String log() throws IOException {
        Path log = base.resolve("postgres.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(base.resolve("data/postmaster.pid"))) {
                run("pg_ctl", "-D", base.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private void run(String command, String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.add(bin.resolve(command).toString());
        line.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(base.resolve(command + ".out").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed (exit " + process.exitValue() + "): "
                    + Files.readString(base.resolve(command + ".out")) + log());
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** PostgreSQL's server programs: on the PATH, else Debian's {@code /usr/lib/postgresql/<version>/bin}, the newest. */
    private static Path binDirectory() throws IOException {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(java.io.File.pathSeparator)) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "initdb"))
                        && Files.isExecutable(Path.of(directory, "pg_ctl"))) {
                    return Path.of(directory);
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                        .max(Comparator.comparing(version -> version.getFileName().toString(),
                                Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        String message = "PostgreSQL is not installed: this test runs it as a real TLS server "
                + "(Debian: apt-get install postgresql; bash .ci/run installs it)";
        if (System.getenv("CI") != null) {
            throw new AssertionError(message + "; CI must have it");
        }
        Assumptions.abort(message);
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
