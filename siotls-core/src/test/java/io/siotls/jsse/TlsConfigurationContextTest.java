package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSConfiguration;
import io.siotls.iana.CertificateType;
import io.siotls.testing.Configs;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.Pem;
import io.siotls.testing.Pkcs8;
import io.siotls.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SSLContext made from siotls configurations carries what plain JSSE cannot: raw public keys
 * and key logging here, through our SSLSocket against real peers; and what JSSE asks that TLS 1.3
 * cannot give fails with a message saying what is supported.
 */
class TlsConfigurationContextTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    @TempDir
    Path dir;

    @Test
    void rawPublicKeysThroughJsseAgainstGnutls() throws Exception {
        KeyPair serverKeys = KeyPairs.cached(KeyType.ED25519, "jsse-rpk");
        Path key = Files.writeString(dir.resolve("key.pem"), Pem.encode("PRIVATE KEY", Pkcs8.encode(serverKeys)));
        Path pub = Files.writeString(dir.resolve("pub.pem"), Pem.encode("PUBLIC KEY", serverKeys.getPublic().getEncoded()));
        SSLContext context = SiotlsSSLContext.of(TLSConfiguration.client()
                .trustedPublicKeys(List.of(serverKeys.getPublic())).build());
        try (GnutlsServer server = GnutlsServer.start(Gnutls.tls13().rawPublicKeysOnly(), List.of(
                "--rawpkkeyfile", key.toString(), "--rawpkfile", pub.toString(), "--disable-client-cert"));
             SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
            assertThat(socket).isInstanceOf(SiotlsSSLSocket.class);
            socket.getOutputStream().write("raw\n".getBytes(StandardCharsets.US_ASCII));
            byte[] echo = socket.getInputStream().readNBytes(4);
            assertThat(new String(echo, StandardCharsets.US_ASCII)).isEqualTo("raw\n");
            SiotlsSession session = (SiotlsSession) socket.getSession();
            assertThat(session.negotiated().serverCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
            assertThat(session.negotiated().peerPublicKey()).isEqualTo(serverKeys.getPublic());
            assertThatThrownBy(session::getPeerCertificates).isInstanceOf(SSLPeerUnverifiedException.class);
        }
    }

    @Test
    void keyLoggingThroughJsseMatchesOpenSslsOwnKeyLog() throws Exception {
        Path ours = dir.resolve("ours.keys");
        Path openssl = dir.resolve("openssl.keys");
        SSLContext context = SiotlsSSLContext.of(Configs.clientTrusting(SERVER).logKeys(true).keyLogFile(ours).build());
        try (OpenSslServer server = OpenSslServer.start(SERVER.writePem(dir), "-naccept", "1",
                "-keylogfile", openssl.toString());
             SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
            socket.startHandshake();
            socket.getOutputStream().write("x\n".getBytes(StandardCharsets.US_ASCII));
            server.process().awaitOutput(out -> out.contains("x"), java.time.Duration.ofSeconds(10));
        }
        List<String> theirs = Files.readAllLines(openssl).stream().filter(line -> !line.startsWith("#")).toList();
        assertThat(Files.readAllLines(ours)).hasSize(5).containsExactlyInAnyOrderElementsOf(theirs);
    }

    @Test
    void onlyTls13AndItsSuitesCanBeEnabled() throws Exception {
        SSLEngine engine = SiotlsSSLContext.of(Configs.clientTrusting(SERVER).build()).createSSLEngine();
        assertThat(engine.getSupportedProtocols()).containsExactly("TLSv1.3");
        assertThatThrownBy(() -> engine.setEnabledProtocols(new String[] {"TLSv1.2"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("siotls supports only TLSv1.3");
        engine.setEnabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
        assertThatThrownBy(() -> engine.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("siotls speaks TLS 1.3 only, with [TLS_AES_128_GCM_SHA256");
        engine.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"});
        assertThat(engine.getEnabledCipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384");
    }

    @Test
    void aContextNeedsTheConfigurationOfTheSideItServes() {
        SSLEngine serverEngine = SiotlsSSLContext.of(Configs.clientTrusting(SERVER).build()).createSSLEngine();
        serverEngine.setUseClientMode(false);
        assertThatThrownBy(serverEngine::beginHandshake)
                .hasMessageContaining("this SSLContext was made without a server-side TLSConfiguration");
    }
}
