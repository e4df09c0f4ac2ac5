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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code siotls server --www} with the JDK's own TLS client (SunJSSE) as the peer. */
class WwwServerTest {

    @TempDir
    Path pkiDir;

    @Test
    void answersConnectionAfterConnectionAndOutlivesABrokenOne() throws Exception {
        DevelopmentCertificates pki = DevelopmentCertificates.inDirectory(pkiDir);
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(serverErr, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> SiotlsCli.run(new String[] {
            "server", "--port", "0", "--www", "--naccept", "3",
            "--cert", pki.file(DevelopmentCertificates.SERVER_CHAIN).toString(),
            "--key", pki.file(DevelopmentCertificates.SERVER_KEY).toString(),
            "--groups", "x25519", "--suites", "TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256"},
            InputStream.nullInputStream(), OutputStream.nullOutputStream(), err));
        int port = listeningPort(serverErr, served);
        SSLContext jdk = jdkClient(pki.file(DevelopmentCertificates.CA));

        try (Socket notTls = new Socket("localhost", port)) {
            notTls.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(notTls.getInputStream().readAllBytes()).as("a TLS alert at most").hasSizeLessThan(64);
        }
        String first = get(jdk, port);
        String second = get(jdk, port);

        assertThat(served.get(20, TimeUnit.SECONDS)).as(serverErr.toString(StandardCharsets.UTF_8))
                .isEqualTo(SiotlsCli.OK);
        for (String response : new String[] {first, second}) {
            assertThat(response).startsWith("HTTP/1.0 200 ok\r\n")
                    .endsWith("\r\n\r\nsiotls www: TLSv1.3, cipher suite TLS_CHACHA20_POLY1305_SHA256, group x25519\r\n");
        }
        assertThat(serverErr.toString(StandardCharsets.UTF_8)).containsOnlyOnce("siotls: /127.0.0.1:")
                .contains("Served /127.0.0.1:");
    }

    /** One request over TLS 1.3 from the JDK's client; the whole response, read to the server's close. */
    private static String get(SSLContext jdk, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) jdk.getSocketFactory().createSocket("localhost", port)) {
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
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

    private static int listeningPort(ByteArrayOutputStream err, CompletableFuture<Integer> server) throws Exception {
        Pattern listening = Pattern.compile("Listening on port (\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.isDone()) {
                throw new IllegalStateException("the server ended with " + server.get() + ": " + err);
            }
            Matcher matcher = listening.matcher(err.toString(StandardCharsets.UTF_8));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server did not say it listens: " + err);
    }
}
