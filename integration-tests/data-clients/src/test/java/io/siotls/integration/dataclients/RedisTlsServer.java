package io.siotls.integration.dataclients;

import io.siotls.testing.ExternalProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A real {@code redis-server} (Debian's redis-server) serving only TLS 1.3 on a loopback port,
 * requiring a client certificate issued by the test CA ({@code --tls-auth-clients yes}), no
 * plaintext port and nothing saved to disk.
 */
final class RedisTlsServer implements AutoCloseable {

    private final ExternalProcess process;
    private final int port;

    private RedisTlsServer(ExternalProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisTlsServer start(Pki pki, Path dir) throws IOException, InterruptedException, TimeoutException {
        int port = FreePort.next();
        ExternalProcess process = ExternalProcess.start(List.of("redis-server", "--port", "0",
                "--bind", "127.0.0.1", "--tls-port", Integer.toString(port),
                "--tls-cert-file", pki.server().chainFile().toString(),
                "--tls-key-file", pki.server().keyFile().toString(),
                "--tls-ca-cert-file", pki.ca().toString(), "--tls-auth-clients", "yes",
                "--tls-protocols", "TLSv1.3", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        RedisTlsServer server = new RedisTlsServer(process, port);
        try {
            process.awaitOutput(output -> output.contains("Ready to accept connections"), Duration.ofSeconds(20));
        } catch (TimeoutException | InterruptedException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    /** What the server logged, once it holds {@code text} (it logs from a thread of its own). */
    String awaitOutput(String text) throws InterruptedException, TimeoutException {
        return process.awaitOutput(output -> output.contains(text), Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        process.close();
    }
}
