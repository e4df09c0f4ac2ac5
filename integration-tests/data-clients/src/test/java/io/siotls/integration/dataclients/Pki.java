package io.siotls.integration.dataclients;

import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.util.List;

/**
 * The test PKI the servers and the application share, written to a directory: a CA
 * ({@code ca.pem}), the server's chain for localhost ({@code server.pem}, {@code server-key.pem})
 * and the client's ({@code client.pem}, {@code client-key.pem}).
 */
public final class Pki {

    private final Path dir;
    private final TestPki pki;
    private final TestPki.Leaf server;
    private final TestPki.Leaf client;

    private Pki(Path dir) {
        this.dir = dir;
        this.pki = new TestPki(dir);
        pki.caFile();
        this.server = pki.leaf("server", "localhost");
        this.client = pki.leaf("client", "client.example");
    }

    /** Writes the files into {@code dir}. */
    public static Pki write(Path dir) {
        return new Pki(dir);
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public TestPki.Leaf server() {
        return server;
    }

    public TestPki.Leaf client() {
        return client;
    }

    public TestPki testPki() {
        return pki;
    }

    /** The siotls client's certificate, key and trust store: the {@code siotls-client} bundle's material. */
    public List<String> clientProperties() {
        return List.of("siotls.client.truststore=" + TestPki.location(ca()),
                "siotls.client.certificate-chain=" + TestPki.location(client.chainFile()),
                "siotls.client.private-key=" + TestPki.location(client.keyFile()));
    }

    /** The siotls client's trust store only: a client without a certificate. */
    public List<String> trustOnlyProperties() {
        return List.of("siotls.client.truststore=" + TestPki.location(ca()));
    }
}
