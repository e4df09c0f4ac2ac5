package io.siotls.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.iana.CertificateType;
import io.siotls.testing.ExternalProcess;
import io.siotls.testing.Gnutls;
import io.siotls.testing.GnutlsClient;
import io.siotls.testing.GnutlsServer;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import io.siotls.testing.OneConnectionServer;
import io.siotls.testing.Pem;
import io.siotls.testing.Pkcs8;
import io.siotls.testing.SocketConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw public keys (RFC 7250) against GnuTLS, which implements them: server authentication in
 * both directions and mutual authentication in both directions.
 */
class GnutlsRawPublicKeyTest {

    /** Raw public keys only, for both sides' credentials. */
    private static final Gnutls.Priority RAW_KEYS_ONLY = Gnutls.tls13().rawPublicKeysOnly();

    private static final KeyPair SERVER = KeyPairs.cached(KeyType.ED25519, "gnutls-rpk-server");
    private static final KeyPair CLIENT = KeyPairs.cached(KeyType.EC_P256, "gnutls-rpk-client");

    @TempDir
    Path dir;

    /** Writes the key pair as PKCS#8 and SubjectPublicKeyInfo PEM files; returns {key, public}. */
    private Path[] pemFiles(KeyPair keys, String name) throws IOException {
        Path key = Files.writeString(dir.resolve(name + "-key.pem"), Pem.encode("PRIVATE KEY", Pkcs8.encode(keys)));
        Path pub = Files.writeString(dir.resolve(name + "-pub.pem"), Pem.encode("PUBLIC KEY", keys.getPublic().getEncoded()));
        return new Path[] {key, pub};
    }

    @Test
    void ourClientTrustsTheRawKeyOfGnutlsServer() throws Exception {
        Path[] server = pemFiles(SERVER, "server");
        TLSConfiguration config = TLSConfiguration.client().trustedPublicKeys(List.of(SERVER.getPublic())).build();
        try (GnutlsServer gnutls = GnutlsServer.start(RAW_KEYS_ONLY, List.of("--rawpkkeyfile", server[0].toString(),
                "--rawpkfile", server[1].toString(), "--disable-client-cert"));
             SocketConnection client = SocketConnection.connect(gnutls.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().serverCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
            assertThat(client.tls().nconfig().peerPublicKey()).isEqualTo(SERVER.getPublic());
            client.write("raw keys\n");
            assertThat(client.readUntilContains("raw keys", Duration.ofSeconds(10))).contains("raw keys");
        }
    }

    @Test
    void mutualAuthenticationWithGnutlsServer() throws Exception {
        Path[] server = pemFiles(SERVER, "server");
        TLSConfiguration config = TLSConfiguration.client().trustedPublicKeys(List.of(SERVER.getPublic()))
                .privateKey(CLIENT.getPrivate()).publicKey(CLIENT.getPublic()).build();
        try (GnutlsServer gnutls = GnutlsServer.start(RAW_KEYS_ONLY, List.of("--rawpkkeyfile", server[0].toString(),
                "--rawpkfile", server[1].toString(), "--require-client-cert"));
             SocketConnection client = SocketConnection.connect(gnutls.port(), config, "localhost")) {
            client.handshake();
            assertThat(client.tls().nconfig().clientCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
            client.write("both raw\n");
            assertThat(client.readUntilContains("both raw", Duration.ofSeconds(10))).contains("both raw");
            assertThat(gnutls.process().awaitOutput(out -> out.contains("Description: (TLS1.3-Raw Public Key)"),
                    Duration.ofSeconds(10)))
                    .as("GnuTLS required a client credential and both sides used raw public keys")
                    .isNotEmpty();
        }
    }

    @Test
    void gnutlsClientGetsOurServersRawKey() throws Exception {
        TLSConfiguration config = TLSConfiguration.server()
                .privateKey(SERVER.getPrivate()).publicKey(SERVER.getPublic()).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess gnutls = GnutlsClient.start(listener.port(), RAW_KEYS_ONLY,
                    List.of("--insecure"))) {
                gnutls.write("ping\n");
                assertThat(gnutls.awaitOutput(out -> out.contains("pong: ping"), Duration.ofSeconds(15)))
                        .contains("Certificate type: Raw Public Key")
                        .contains("PK algo: EdDSA (Ed25519)");
            }
            assertThat(listener.served().nconfig().serverCertificateType())
                    .isEqualTo(CertificateType.RAW_PUBLIC_KEY);
        }
    }

    @Test
    void gnutlsClientAuthenticatesToOurServerWithItsRawKey() throws Exception {
        Path[] client = pemFiles(CLIENT, "client");
        TLSConfiguration config = TLSConfiguration.server()
                .privateKey(SERVER.getPrivate()).publicKey(SERVER.getPublic())
                .trustedPublicKeys(List.of(CLIENT.getPublic())).build();
        try (OneConnectionServer listener = OneConnectionServer.pong(config)) {
            try (ExternalProcess gnutls = GnutlsClient.start(listener.port(), RAW_KEYS_ONLY,
                    List.of("--rawpkkeyfile", client[0].toString(), "--rawpkfile", client[1].toString(),
                    "--insecure"))) {
                gnutls.write("ping\n");
                assertThat(gnutls.awaitOutput(out -> out.contains("pong: ping"), Duration.ofSeconds(15)))
                        .contains("Successfully sent 1 certificate(s) to server");
            }
            TLSNegotiatedConfiguration nconfig = listener.served().nconfig();
            assertThat(nconfig.clientCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
            assertThat(nconfig.peerPublicKey()).isEqualTo(CLIENT.getPublic());
        }
    }
}
