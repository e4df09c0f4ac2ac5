package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Identity;
import io.siotls.testing.JsseMaterial;
import io.siotls.testing.KeyType;
import io.siotls.testing.OpenSslServer;
import io.siotls.testing.SiotlsJsse;
import io.siotls.testing.TestPki;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK's own ways to choose groups and signature schemes work on our provider: the
 * {@code jdk.tls.namedGroups} and {@code jdk.tls.client|server.SignatureSchemes} properties. The
 * peer is {@code openssl s_server}: SunJSSE reads these properties once per JVM, so a SunJSSE
 * peer here would carry them into every later test.
 */
class JdkGroupAndSchemePropertiesTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("jdk.tls.namedGroups");
        System.clearProperty("jdk.tls.client.SignatureSchemes");
    }

    private TLSNegotiatedConfiguration handshakeWithOpenSsl() throws Exception {
        SSLContext client = SiotlsJsse.context(null, JsseMaterial.trustManagers(SERVER));
        try (OpenSslServer server = OpenSslServer.start(SERVER.writePem(dir), "-naccept", "1");
             SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket("localhost", server.port())) {
            socket.startHandshake();
            return ((SiotlsSession) socket.getSession()).negotiated();
        }
    }

    @Test
    void namedGroupsPropertyChoosesTheKeyExchange() throws Exception {
        System.setProperty("jdk.tls.namedGroups", "secp384r1, x448");
        assertThat(handshakeWithOpenSsl().keyExchange()).isEqualTo(NamedGroup.SECP384R1);
    }

    @Test
    void signatureSchemesPropertyLimitsWhatTheServerMaySignWith() throws Exception {
        System.setProperty("jdk.tls.client.SignatureSchemes", "ecdsa_secp256r1_sha256");
        assertThat(handshakeWithOpenSsl().peerSignatureAlgorithm())
                .isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
        System.setProperty("jdk.tls.client.SignatureSchemes", "ed25519");
        assertThatThrownBy(this::handshakeWithOpenSsl)
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void unknownGroupInThePropertyIsNamedInTheError() {
        System.setProperty("jdk.tls.namedGroups", "secp256k1");
        assertThatThrownBy(this::handshakeWithOpenSsl)
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("jdk.tls.namedGroups")
                .hasMessageContaining("secp256k1");
    }
}
