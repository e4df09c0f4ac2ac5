package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ConnectionOptions;
import io.siotls.LruClientSessionCache;
import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.testing.Configs;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.SocketConnection;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Sans-IO client resumes the sessions {@code openssl s_server} and {@code gnutls-serv} give
 * it (RFC 8446 §2.2, §4.6.1): the second connection offers a ticket of the first, the server says
 * it resumed, no certificate is sent, and the session reports the server's chain of the first.
 */
class ClientResumptionInteropTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final LruClientSessionCache cache = new LruClientSessionCache(100, Duration.ZERO);

    private SocketConnection connect(int port, TLSConfiguration config) throws Exception {
        SocketConnection client = SocketConnection.connect(port, config, ConnectionOptions.builder()
                .serverName("localhost").verificationHostname("localhost").sessionCache(cache, "localhost", port).build());
        client.handshake();
        return client;
    }

    /** One request to {@code s_server -www}; returns the page, which says "New" or "Reused". */
    private String wwwPage(int port, TLSConfiguration config, TLSNegotiatedConfiguration[] negotiated) throws Exception {
        try (SocketConnection client = connect(port, config)) {
            client.write("GET / HTTP/1.0\r\n\r\n");
            String page = client.readUntilContains("</HTML>", WAIT);
            negotiated[0] = client.tls().nconfig();
            return page;
        }
    }

    @Test
    void resumesWithOpenSsl() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        try (OpenSslServer server = OpenSslServer.start(identity.writePem(dir), "-www")) {
            TLSNegotiatedConfiguration[] full = new TLSNegotiatedConfiguration[1];
            TLSNegotiatedConfiguration[] resumed = new TLSNegotiatedConfiguration[1];

            assertThat(wwwPage(server.port(), config, full)).contains("New, TLSv1.3");
            assertThat(cache.size()).as("s_server sends two tickets").isEqualTo(2);
            assertThat(wwwPage(server.port(), config, resumed)).contains("Reused, TLSv1.3");

            assertThat(full[0].resumed()).isFalse();
            assertThat(resumed[0].resumed()).isTrue();
            assertThat(resumed[0].peerSignatureAlgorithm()).as("no CertificateVerify").isNull();
            assertThat(resumed[0].peerCertificateChain()).containsExactlyElementsOf(identity.chain());
            assertThat(resumed[0].cipherSuite()).isEqualTo(full[0].cipherSuite());
        }
    }

    @Test
    void resumesWithOpenSslAfterAHelloRetryRequest() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity)
                .keyExchanges(io.siotls.iana.NamedGroup.X25519, io.siotls.iana.NamedGroup.SECP384R1).build();
        try (OpenSslServer server = OpenSslServer.start(identity.writePem(dir), "-www", "-groups", "P-384")) {
            TLSNegotiatedConfiguration[] first = new TLSNegotiatedConfiguration[1];
            TLSNegotiatedConfiguration[] second = new TLSNegotiatedConfiguration[1];
            wwwPage(server.port(), config, first);
            assertThat(wwwPage(server.port(), config, second)).contains("Reused, TLSv1.3");
            assertThat(second[0].resumed()).isTrue();
            assertThat(second[0].keyExchange()).isEqualTo(io.siotls.iana.NamedGroup.SECP384R1);
        }
    }

    @Test
    void resumesWithGnutls() throws Exception {
        Identity identity = TestPki.server(KeyType.EC_P256);
        TLSConfiguration config = Configs.clientTrusting(identity).build();
        try (GnutlsServer server = GnutlsServer.start(identity, dir, Gnutls.tls13())) {
            for (String line : new String[] {"first", "second"}) {
                try (SocketConnection client = connect(server.port(), config)) {
                    client.write(line + "\n");
                    assertThat(client.readUntilContains(line + "\n", WAIT)).isEqualTo(line + "\n");
                    assertThat(client.tls().nconfig().resumed()).isEqualTo(line.equals("second"));
                    if (line.equals("second")) {
                        assertThat(client.tls().nconfig().peerCertificateChain())
                                .containsExactlyElementsOf(identity.chain());
                    }
                }
            }
            assertThat(server.process().awaitOutput(out -> out.contains("This is a resumed session"), WAIT))
                    .containsOnlyOnce("This is a resumed session");
        }
    }
}
