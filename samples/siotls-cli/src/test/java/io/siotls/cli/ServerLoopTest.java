package io.siotls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.spring.autoconfigure.devcerts.DevelopmentCertificates;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siotls server --www} with the JDK's own TLS client (SunJSSE) as the peer. */
class ServerLoopTest {

    @TempDir
    Path pkiDir;

    private DevelopmentCertificates pki;

    @Test
    void wwwAnswersConnectionAfterConnectionAndOutlivesABrokenOne() throws Exception {
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> served = start(serverErr, "--www", "--naccept", "3", "--groups", "x25519",
                "--suites", "TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256");
        int port = ListeningPort.of(serverErr, served);

        try (Socket notTls = new Socket("127.0.0.1", port)) {
            notTls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(notTls.getInputStream().readAllBytes()).as("a TLS alert at most").hasSizeLessThan(64);
        }
        String first = exchange(port, "GET / HTTP/1.0\r\n\r\n", false);
        String second = exchange(port, "GET / HTTP/1.0\r\n\r\n", false);

        assertThat(served.get(20, TimeUnit.SECONDS)).as(serverErr.toString(StandardCharsets.UTF_8))
                .isEqualTo(SiotlsCli.OK);
        for (String response : new String[] {first, second}) {
            assertThat(response).startsWith("HTTP/1.0 200 ok\r\n")
                    .endsWith("\r\n\r\nsiotls www: TLSv1.3, cipher suite TLS_CHACHA20_POLY1305_SHA256, group x25519\r\n");
        }
        assertThat(serverErr.toString(StandardCharsets.UTF_8)).containsOnlyOnce("siotls: /127.0.0.1:")
                .contains("Served /127.0.0.1:");
    }

    @Test
    void aClientResumingItsSessionIsToldSoAndTheServerSaysSo() throws Exception {
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> served = start(serverErr, "--www", "--naccept", "2", "--groups", "x25519");
        int port = ListeningPort.of(serverErr, served);
        SSLContext jdk = jdkClient(pki.file(DevelopmentCertificates.CA));

        String first = exchange(jdk, port, "GET / HTTP/1.0\r\n\r\n", false);
        String second = exchange(jdk, port, "GET / HTTP/1.0\r\n\r\n", false);

        assertThat(served.get(20, TimeUnit.SECONDS)).as(serverErr.toString(StandardCharsets.UTF_8))
                .isEqualTo(SiotlsCli.OK);
        assertThat(first).endsWith(", group x25519\r\n");
        assertThat(second).endsWith(", group x25519, resumed\r\n");
        assertThat(serverErr.toString(StandardCharsets.UTF_8)).containsOnlyOnce(", resumed");
    }

    @Test
    void echoSendsBackWhatEachConnectionSends() throws Exception {
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> served = start(serverErr, "--echo", "--naccept", "2");
        int port = ListeningPort.of(serverErr, served);

        assertThat(exchange(port, "ping\n", true)).isEqualTo("ping\n");
        assertThat(exchange(port, "A".repeat(16383) + "\n", true)).isEqualTo("A".repeat(16383) + "\n");
        assertThat(served.get(20, TimeUnit.SECONDS)).as(serverErr.toString(StandardCharsets.UTF_8))
                .isEqualTo(SiotlsCli.OK);
    }

    @Test
    void theServerModesAreForServersAndExclusive() {
        String[][] wrong = {
            {"client", "localhost:443", "--www"},
            {"server", "--port", "0", "--www", "--echo"},
            {"server", "--port", "0", "--naccept", "2"},
            {"server", "--port", "0", "--www", "--naccept", "0"},
            {"client", "localhost:443", "--bind", "127.0.0.1"},
            {"server", "--port", "0", "--handshake-timeout", "0"},
            {"server", "--port", "0", "--handshake-timeout", "10s"},
            {"server", "--port", "0", "--pha-on", "/secret"},
            {"server", "--port", "0", "--www", "--pha-on", "secret"},
            {"client", "localhost:443", "--pha-on", "/secret"}};
        for (String[] args : wrong) {
            int code = SiotlsCli.run(args, InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                    new PrintStream(OutputStream.nullOutputStream()));
            assertThat(code).as(String.join(" ", args)).isEqualTo(SiotlsCli.USAGE);
        }
    }

    /** Runs {@code siotls server} on a free loopback port with the development server certificate. */
    private CompletableFuture<Integer> start(ByteArrayOutputStream serverErr, String... options) {
        pki = DevelopmentCertificates.inDirectory(pkiDir);
        PrintStream err = new PrintStream(serverErr, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("server", "--port", "0", "--bind", "127.0.0.1",
                "--cert", pki.file(DevelopmentCertificates.SERVER_CHAIN).toString(),
                "--key", pki.file(DevelopmentCertificates.SERVER_KEY).toString()));
        args.addAll(List.of(options));
        return CompletableFuture.supplyAsync(() -> SiotlsCli.run(args.toArray(String[]::new),
                InputStream.nullInputStream(), OutputStream.nullOutputStream(), err));
    }

    /**
     * Sends {@code request} over TLS 1.3 from the JDK's client, closing this side's sending end
     * after it when told so; what the server sends, read to its close.
     */
    private String exchange(int port, String request, boolean closeAfter) throws Exception {
        return exchange(jdkClient(pki.file(DevelopmentCertificates.CA)), port, request, closeAfter);
    }

    /** {@link #exchange(int, String, boolean)} with the client context {@code jdk}, which resumes its sessions. */
    private String exchange(SSLContext jdk, int port, String request, boolean closeAfter) throws Exception {
        try (SSLSocket socket = (SSLSocket) jdk.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            if (closeAfter) {
                byte[] buffer = new byte[request.length()];
                int n;
                while (received.size() < request.length() && (n = socket.getInputStream().read(buffer)) >= 0) {
                    received.write(buffer, 0, n);
                }
                socket.shutdownOutput();
            }
            received.write(socket.getInputStream().readAllBytes());
            return received.toString(StandardCharsets.US_ASCII);
        }
    }

    private static SSLContext jdkClient(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLSv1.3", "SunJSSE");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }
}
