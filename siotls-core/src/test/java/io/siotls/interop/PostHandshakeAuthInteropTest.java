package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.testing.Configs;
import io.siotls.testing.Eku;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslClient;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.PeerCommand;
import io.siotls.testing.PemFiles;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Post-handshake client authentication (RFC 8446 §4.6.2) with real peers: our client answering
 * OpenSSL's and Python's servers when they ask for a certificate after the handshake, and our
 * server asking OpenSSL's and Python's clients.
 */
class PostHandshakeAuthInteropTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.builder().keyType(KeyType.EC_P256).eku(Eku.CLIENT_AUTH)
            .subject("CN=pha client").build();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern PORT = Pattern.compile("PORT (\\d+)");

    /** Python's ssl server: asks for the certificate after reading a first line, prints the client's subject. */
    private static final String PYTHON_SERVER = String.join("\n",
            "import socket, ssl, sys",
            "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)",
            "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
            "ctx.load_cert_chain(sys.argv[1], sys.argv[2])",
            "ctx.load_verify_locations(sys.argv[3])",
            "ctx.verify_mode = ssl.CERT_REQUIRED",
            "ctx.post_handshake_auth = True",
            "listener = socket.create_server(('127.0.0.1', 0))",
            "print('PORT', listener.getsockname()[1], flush=True)",
            "conn, _ = listener.accept()",
            "tls = ctx.wrap_socket(conn, server_side=True)",
            "print('BEFORE', tls.getpeercert(), flush=True)",
            "tls.recv(100)",
            "tls.verify_client_post_handshake()",
            "tls.sendall(b'who are you?\\n')",
            "tls.recv(100)",
            "print('PEER', dict(x[0] for x in tls.getpeercert()['subject']), flush=True)",
            "tls.sendall(b'bye\\n')",
            "tls.close()");

    /** Python's ssl client offering post_handshake_auth: it writes a line, reads one, writes another. */
    private static final String PYTHON_CLIENT = String.join("\n",
            "import socket, ssl, sys",
            "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
            "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
            "ctx.load_verify_locations(sys.argv[3])",
            "ctx.load_cert_chain(sys.argv[1], sys.argv[2])",
            "ctx.post_handshake_auth = True",
            "tls = ctx.wrap_socket(socket.create_connection(('127.0.0.1', int(sys.argv[4]))),"
                    + " server_hostname='localhost')",
            "tls.sendall(b'hello\\n')",
            "print('READ', tls.recv(100), flush=True)",
            "tls.sendall(b'here I am\\n')",
            "print('READ', tls.recv(100), flush=True)",
            "tls.close()");

    @TempDir
    Path dir;

    private PemFiles pem(Identity identity, String name) throws IOException {
        return identity.writePem(Files.createDirectories(dir.resolve(name)));
    }

    private static TLSConfiguration clientWithCertificate() {
        return Configs.clientTrusting(SERVER).privateKey(CLIENT.privateKey()).certificateChain(CLIENT.chain()).build();
    }

    private static TLSConfiguration serverAskingAfterTheHandshake() {
        return Configs.server(SERVER).truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
                .clientAuthentication(ClientAuthentication.NONE).build();
    }

    @Test
    void ourClientAnswersOpenSslsCertificateRequestAfterTheHandshake() throws Exception {
        PeerCommand.require("openssl");
        try (OpenSslServer server = OpenSslServer.start(pem(SERVER, "server"), "-naccept", "1",
                "-verify_return_error", "-CAfile", pem(CLIENT, "client").ca().toString());
             SocketConnection client = SocketConnection.connect(server.port(), clientWithCertificate(), "localhost")) {
            client.handshake();
            client.write("before\n");
            server.process().awaitOutput(out -> out.contains("before"), WAIT);
            assertThat(server.process().output()).doesNotContain("pha client");
            server.process().write("c\n");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!server.process().output().contains("SSL_do_handshake -> 1") && System.nanoTime() < deadline) {
                client.readUntil(bytes -> false, Duration.ofMillis(200));
            }
            assertThat(server.process().output()).contains("depth=0 CN = pha client").contains("verify return:1")
                    .contains("SSL_do_handshake -> 1");
            server.process().write("after the request\n");
            assertThat(client.readUntilContains("after the request", WAIT)).contains("after the request");
            client.write("answered\n");
            server.process().awaitOutput(out -> out.contains("answered"), WAIT);
        }
    }

    @Test
    void ourClientAnswersPythonsVerifyClientPostHandshake() throws Exception {
        PeerCommand.require("python3");
        PemFiles server = pem(SERVER, "server");
        try (ExternalProcess python = ExternalProcess.start(List.of("python3", "-c", PYTHON_SERVER,
                server.chain().toString(), server.key().toString(), pem(CLIENT, "client").ca().toString()))) {
            Matcher port = PORT.matcher(python.awaitOutput(out -> PORT.matcher(out).find(), WAIT));
            assertThat(port.find()).isTrue();
            try (SocketConnection client = SocketConnection.connect(Integer.parseInt(port.group(1)),
                    clientWithCertificate(), "localhost")) {
                client.handshake();
                client.write("hello\n");
                client.readUntilContains("who are you?", WAIT);
                client.write("me\n");
                assertThat(client.readUntilContains("bye", WAIT)).contains("bye");
            }
            assertThat(python.awaitOutput(out -> out.contains("PEER"), WAIT))
                    .contains("BEFORE None").contains("PEER {'commonName': 'pha client'}");
        }
    }

    @Test
    void ourServerAsksOpenSslsClientForItsCertificateAfterTheHandshake() throws Exception {
        PeerCommand.require("openssl");
        PemFiles client = pem(CLIENT, "client");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ExternalProcess openssl = OpenSslClient.start(listener.getLocalPort(), "-enable_pha",
                     "-CAfile", pem(SERVER, "server").ca().toString(), "-cert", client.chain().toString(),
                     "-key", client.key().toString());
             SocketConnection server = SocketConnection.accept(listener, serverAskingAfterTheHandshake())) {
            server.handshake();
            openssl.write("first\n");
            server.readUntilContains("first", WAIT);
            assertThat(server.tls().nconfig().peerCertificateChain()).isEmpty();
            server.tls().requestClientCertificate(true);
            server.write("who are you?\n");
            openssl.awaitOutput(out -> out.contains("who are you?"), WAIT);
            openssl.write("second\n");
            server.readUntilContains("second", WAIT);
            assertThat(server.tls().nconfig().peerCertificateChain()).first().isEqualTo(CLIENT.leaf());
        }
    }

    @Test
    void ourServerAsksPythonsClientForItsCertificateAfterTheHandshake() throws Exception {
        PeerCommand.require("python3");
        PemFiles client = pem(CLIENT, "client");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ExternalProcess python = ExternalProcess.start(List.of("python3", "-c", PYTHON_CLIENT,
                     client.chain().toString(), client.key().toString(), pem(SERVER, "server").ca().toString(),
                     Integer.toString(listener.getLocalPort())));
             SocketConnection server = SocketConnection.accept(listener, serverAskingAfterTheHandshake())) {
            server.handshake();
            server.readUntilContains("hello", WAIT);
            server.tls().requestClientCertificate(true);
            server.write("who are you?\n");
            server.readUntilContains("here I am", WAIT);
            assertThat(server.tls().nconfig().peerCertificateChain()).first().isEqualTo(CLIENT.leaf());
            server.write("bye\n");
            python.awaitOutput(out -> out.contains("bye"), WAIT);
        }
    }
}
