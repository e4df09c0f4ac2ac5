package io.siotls.spring.autoconfigure;

import io.siotls.testing.Curl;
import io.siotls.testing.TestPki;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The key material the {@code mtls} profile ({@code application-mtls.yml}) reads from
 * {@code pki.dir}: a CA, the server's chain for localhost, a second one for api.localhost (SNI)
 * and a client's, plus a client of another CA of the same name, whose certificate the server must
 * refuse; and the curl calls the mutual TLS applications are tested with.
 */
public final class MutualTlsPki {

    private final Path dir;
    private final TestPki.Leaf client;
    private final TestPki.Leaf stranger;

    private MutualTlsPki(Path dir, TestPki.Leaf client, TestPki.Leaf stranger) {
        this.dir = dir;
        this.client = client;
        this.stranger = stranger;
    }

    /** Writes the files of the {@code mtls} profile into {@code dir}, and the stranger's into {@code strangerDir}. */
    public static MutualTlsPki write(Path dir, Path strangerDir) {
        TestPki pki = new TestPki(dir);
        pki.caFile();
        pki.leaf("server", "localhost");
        pki.leaf("api", "api.localhost");
        TestPki.Leaf client = pki.leaf("client", "client.example");
        TestPki.Leaf stranger = new TestPki(strangerDir).leaf("stranger", "client.example");
        return new MutualTlsPki(dir, client, stranger);
    }

    /** The property the {@code mtls} profile finds the files by. */
    public String dirProperty() {
        return "pki.dir=" + dir;
    }

    /** The client the server trusts. */
    public TestPki.Leaf client() {
        return client;
    }

    /** curl trusting the CA, with the trusted client's certificate, then {@code arguments} (the URL last). */
    public Curl.Result curlWithClientCertificate(String... arguments) throws IOException, InterruptedException {
        return curl(client, arguments);
    }

    /** curl trusting the CA, with the stranger's certificate, then {@code arguments} (the URL last). */
    public Curl.Result curlWithStrangerCertificate(String... arguments) throws IOException, InterruptedException {
        return curl(stranger, arguments);
    }

    /** curl trusting the CA, without a certificate, then {@code arguments} (the URL last). */
    public Curl.Result curlWithoutCertificate(String... arguments) throws IOException, InterruptedException {
        return curl(null, arguments);
    }

    /** curl with the trusted client's certificate asking for api.localhost (SNI) on the loopback {@code port}. */
    public Curl.Result curlApiLocalhostWithClientCertificate(int port) throws IOException, InterruptedException {
        return curlWithClientCertificate("--resolve", "api.localhost:" + port + ":127.0.0.1",
                "https://api.localhost:" + port + "/hello");
    }

    private Curl.Result curl(TestPki.Leaf certificate, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("--cacert", dir.resolve("ca.pem").toString()));
        if (certificate != null) {
            command.addAll(List.of("--cert", certificate.chainFile().toString(),
                    "--key", certificate.keyFile().toString()));
        }
        command.addAll(List.of(arguments));
        return Curl.run(command.toArray(String[]::new));
    }
}
