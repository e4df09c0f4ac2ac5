package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.PeerCommand;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Post-handshake client authentication (RFC 8446 §4.6.2) through JSSE: a server socket of ours
 * asks, after the handshake, OpenSSL's client and a client socket of ours for a certificate; the
 * session then holds the client's chain.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostHandshakeAuthJsseTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.RSA_2048);

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static SSLServerSocket listen() throws Exception {
        SSLContext context = SiotlsJsse.context(JsseMaterial.keyManagers(SERVER), JsseMaterial.trustManagers(CLIENT));
        return (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                InetAddress.getLoopbackAddress());
    }

    private static void writeLine(SSLSocket socket, String line) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void ourServerSocketAsksOpenSslsClientAfterTheHandshake() throws Exception {
        PeerCommand.require("openssl");
        PemFiles client = CLIENT.writePem(Files.createDirectories(dir.resolve("client")));
        PemFiles server = SERVER.writePem(Files.createDirectories(dir.resolve("server")));
        try (SSLServerSocket listener = listen();
             ExternalProcess openssl = OpenSslClient.start(listener.getLocalPort(), "-enable_pha", "-CAfile",
                     server.ca().toString(), "-cert", client.chain().toString(), "-key", client.key().toString());
             SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(15_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            openssl.write("first\n");
            assertThat(in.readLine()).isEqualTo("first");
            assertThatThrownBy(() -> socket.getSession().getPeerCertificates())
                    .isInstanceOf(SSLPeerUnverifiedException.class);
            ClientAuthenticationRequests.request(socket, true);
            writeLine(socket, "who are you?");
            openssl.awaitOutput(out -> out.contains("who are you?"), Duration.ofSeconds(15));
            openssl.write("second\n");
            assertThat(in.readLine()).isEqualTo("second");
            assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(CLIENT.leaf());
        }
    }

    @Test
    void ourClientSocketAnswersOurServerSocketWhileDataFlows() throws Exception {
        SSLContext clientContext = SiotlsJsse.context(JsseMaterial.keyManagers(CLIENT),
                JsseMaterial.trustManagers(SERVER));
        try (SSLServerSocket listener = listen()) {
            Future<Certificate[]> served = executor.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(15_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    assertThat(in.readLine()).isEqualTo("hello");
                    ClientAuthenticationRequests.request(socket, true);
                    writeLine(socket, "who are you?");
                    assertThat(in.readLine()).isEqualTo("me");
                    Certificate[] peer = socket.getSession().getPeerCertificates();
                    writeLine(socket, "bye");
                    return peer;
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost",
                    listener.getLocalPort())) {
                client.setSoTimeout(15_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.UTF_8));
                writeLine(client, "hello");
                assertThat(in.readLine()).isEqualTo("who are you?");
                writeLine(client, "me");
                assertThat(in.readLine()).isEqualTo("bye");
            }
            assertThat(served.get(20, TimeUnit.SECONDS)[0]).isEqualTo(CLIENT.leaf());
        }
    }

    @Test
    void aClientWithoutKeyManagersCannotBeAsked() throws Exception {
        SSLContext clientContext = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER));
        try (SSLServerSocket listener = listen()) {
            Future<Throwable> served = executor.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(15_000);
                    socket.startHandshake();
                    try {
                        ClientAuthenticationRequests.request(socket, true);
                        return null;
                    } catch (IllegalStateException e) {
                        return e;
                    }
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket("localhost",
                    listener.getLocalPort())) {
                client.startHandshake();
                assertThat(served.get(20, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("did not offer post_handshake_auth");
            }
        }
    }
}
