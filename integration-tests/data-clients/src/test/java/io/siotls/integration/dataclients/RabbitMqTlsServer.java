package io.siotls.integration.dataclients;

import io.siotls.testing.PeerCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real RabbitMQ broker (Debian's rabbitmq-server, on Erlang/OTP) as a process of its own: every
 * file under a temporary directory, a unique node name, its own epmd port, no plaintext listener,
 * and two TLS listeners on loopback, AMQP's and the streams' (the rabbitmq_stream plugin), both
 * TLS 1.3 only and requiring a client certificate issued by the test CA ({@code verify_peer},
 * {@code fail_if_no_peer_cert}). It runs the Erlang VM
 * in place of the start script ({@code RABBITMQ_ALLOW_INPUT}), so stopping the process stops the
 * broker; the epmd daemon the node started is then told to exit.
 */
final class RabbitMqTlsServer implements AutoCloseable {

    private static final Path SERVER_SCRIPT = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;
    private final int streamPort;
    private final int epmdPort;

    private RabbitMqTlsServer(Process process, Path log, int port, int streamPort, int epmdPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.streamPort = streamPort;
        this.epmdPort = epmdPort;
    }

    static RabbitMqTlsServer start(Pki pki, Path dir) throws IOException, InterruptedException, TimeoutException {
        PeerCommand.require("rabbitmq-server");
        PeerCommand.require("epmd");
        int port = FreePort.next();
        int streamPort = FreePort.next();
        int epmdPort = FreePort.next();
        Path config = Files.writeString(dir.resolve("rabbitmq.conf"), String.join("\n",
                "listeners.tcp = none",
                "listeners.ssl.default = 127.0.0.1:" + port,
                "ssl_options.cacertfile = " + pki.ca(),
                "ssl_options.certfile = " + pki.server().chainFile(),
                "ssl_options.keyfile = " + pki.server().keyFile(),
                "ssl_options.verify = verify_peer",
                "ssl_options.fail_if_no_peer_cert = true",
                "ssl_options.versions.1 = tlsv1.3",
                "stream.listeners.tcp = none",
                "stream.listeners.ssl.default = 127.0.0.1:" + streamPort,
                "stream.advertised_host = localhost",
                "stream.advertised_tls_port = " + streamPort, ""), StandardCharsets.US_ASCII);
        Path plugins = Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_stream].\n", StandardCharsets.US_ASCII);
        Path log = dir.resolve("rabbitmq.log");
        ProcessBuilder builder = new ProcessBuilder(Files.isExecutable(SERVER_SCRIPT) ? SERVER_SCRIPT.toString()
                : "rabbitmq-server").redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.ofEntries(
                Map.entry("HOME", dir.toString()),
                Map.entry("RABBITMQ_ALLOW_INPUT", "true"),
                Map.entry("RABBITMQ_NODENAME", "siotls-" + ProcessHandle.current().pid() + "-" + port + "@localhost"),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(FreePort.next())),
                Map.entry("ERL_EPMD_PORT", Integer.toString(epmdPort)),
                Map.entry("RABBITMQ_CONFIG_FILE", config.toString()),
                Map.entry("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", plugins.toString()),
                Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", dir.resolve("logs").toString()),
                Map.entry("RABBITMQ_LOGS", "-"),
                Map.entry("RABBITMQ_PLUGINS_EXPAND_DIR", dir.resolve("plugins-expand").toString()),
                Map.entry("RABBITMQ_GENERATED_CONFIG_DIR", dir.resolve("generated").toString()),
                Map.entry("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString())));
        RabbitMqTlsServer server = new RabbitMqTlsServer(builder.start(), log, port, streamPort, epmdPort);
        try {
            server.awaitStartup();
        } catch (IOException | InterruptedException | TimeoutException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitStartup() throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            String output = output();
            if (output.contains("Server startup complete")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("rabbitmq-server exited with " + process.exitValue() + ":\n" + output);
            }
            Thread.sleep(100);
        }
        throw new TimeoutException("rabbitmq-server did not start within " + STARTUP + ":\n" + output());
    }

    /** The AMQP 0-9-1 TLS port. */
    int port() {
        return port;
    }

    /** The stream protocol's TLS port (the rabbitmq_stream plugin). */
    int streamPort() {
        return streamPort;
    }

    /** What the broker logged so far. */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }

    /** Stops the broker (SIGTERM: a clean shutdown), then the epmd daemon on its port. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            ProcessBuilder epmdKill = new ProcessBuilder("epmd", "-kill").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            epmdKill.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
            epmdKill.start().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop the epmd daemon on port " + epmdPort, e);
        }
    }
}
