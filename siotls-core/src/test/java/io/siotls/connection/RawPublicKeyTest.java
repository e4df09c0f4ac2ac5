package io.siotls.connection;

import io.siotls.TLSConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.UnsupportedCertificate;
import io.siotls.iana.CertificateType;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw public keys (RFC 7250) between our client and our server. */
class RawPublicKeyTest {

    private static final KeyPair SERVER_KEYS = KeyPairs.cached(KeyType.ED25519, "rpk-server");
    private static final KeyPair CLIENT_KEYS = KeyPairs.cached(KeyType.EC_P256, "rpk-client");
    private static final Identity SERVER_CERTIFICATE = TestPki.server(KeyType.EC_P256);

    private static TLSConfiguration.Builder rpkServer() {
        return TLSConfiguration.server().privateKey(SERVER_KEYS.getPrivate()).publicKey(SERVER_KEYS.getPublic());
    }

    private static TLSConfiguration.Builder clientTrustingServerKey() {
        return TLSConfiguration.client().trustedPublicKeys(List.of(SERVER_KEYS.getPublic()));
    }

    @Test
    void serverAuthenticatesWithItsRawPublicKey() {
        TLSConnection client = new TLSConnection(clientTrustingServerKey().build(), "localhost");
        TLSConnection server = new TLSConnection(rpkServer().build());
        MemoryPipe.handshake(client, server);
        assertThat(client.isConnected()).isTrue();
        assertThat(client.nconfig().serverCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
        assertThat(client.nconfig().peerPublicKey()).isEqualTo(SERVER_KEYS.getPublic());
        assertThat(client.nconfig().peerCertificateChain()).isEmpty();
        assertThat(server.nconfig().serverCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
    }

    @Test
    void mutualAuthenticationWithRawPublicKeys() {
        TLSConfiguration clientConfig = clientTrustingServerKey()
                .privateKey(CLIENT_KEYS.getPrivate()).publicKey(CLIENT_KEYS.getPublic()).build();
        TLSConfiguration serverConfig = rpkServer().trustedPublicKeys(List.of(CLIENT_KEYS.getPublic())).build();
        TLSConnection client = new TLSConnection(clientConfig, "localhost");
        TLSConnection server = new TLSConnection(serverConfig);
        MemoryPipe.handshake(client, server);
        assertThat(server.isConnected()).isTrue();
        assertThat(server.nconfig().clientCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
        assertThat(server.nconfig().peerPublicKey()).isEqualTo(CLIENT_KEYS.getPublic());
    }

    @Test
    void x509IsPreferredWhenBothSidesCanUseEither() {
        TLSConfiguration serverConfig = Configs.server(SERVER_CERTIFICATE)
                .publicKey(SERVER_CERTIFICATE.publicKey()).build();
        TLSConfiguration clientConfig = Configs.clientTrusting(SERVER_CERTIFICATE)
                .trustedPublicKeys(List.of(SERVER_CERTIFICATE.publicKey())).build();
        TLSConnection client = new TLSConnection(clientConfig, "localhost");
        MemoryPipe.handshake(client, new TLSConnection(serverConfig));
        assertThat(client.nconfig().serverCertificateType()).isEqualTo(CertificateType.X509);
        assertThat(client.nconfig().peerCertificateChain()).isEqualTo(SERVER_CERTIFICATE.chain());
    }

    @Test
    void serverWithACertificateAndARawKeyServesRawKeyOnlyClients() {
        TLSConfiguration serverConfig = Configs.server(SERVER_CERTIFICATE)
                .publicKey(SERVER_CERTIFICATE.publicKey()).build();
        TLSConfiguration clientConfig = TLSConfiguration.client()
                .trustedPublicKeys(List.of(SERVER_CERTIFICATE.publicKey())).build();
        TLSConnection client = new TLSConnection(clientConfig, "localhost");
        MemoryPipe.handshake(client, new TLSConnection(serverConfig));
        assertThat(client.nconfig().serverCertificateType()).isEqualTo(CertificateType.RAW_PUBLIC_KEY);
    }

    @Test
    void rawKeyOnlyClientAgainstCertificateOnlyServerIsUnsupportedCertificate() {
        TLSConnection client = new TLSConnection(clientTrustingServerKey().build(), "localhost");
        TLSConnection server = new TLSConnection(Configs.server(SERVER_CERTIFICATE).build());
        assertThatThrownBy(() -> MemoryPipe.handshake(client, server))
                .isInstanceOf(UnsupportedCertificate.class)
                .hasMessageContaining("no certificate type in common for server_certificate_type");
    }

    @Test
    void certificateClientAgainstRawKeyOnlyServerIsUnsupportedCertificate() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(SERVER_CERTIFICATE).build(), "localhost");
        TLSConnection server = new TLSConnection(rpkServer().build());
        assertThatThrownBy(() -> MemoryPipe.handshake(client, server)).isInstanceOf(UnsupportedCertificate.class);
    }

    @Test
    void untrustedRawPublicKeyIsBadCertificate() {
        TLSConnection client = new TLSConnection(TLSConfiguration.client()
                .trustedPublicKeys(List.of(CLIENT_KEYS.getPublic())).build(), "localhost");
        TLSConnection server = new TLSConnection(rpkServer().build());
        assertThatThrownBy(() -> MemoryPipe.handshake(client, server))
                .isInstanceOf(BadCertificate.class)
                .hasMessageContaining("not one of the 1 trusted_public_keys");
    }

    @Test
    void rawKeyClientUnknownToTheServerIsBadCertificate() {
        TLSConfiguration clientConfig = Configs.clientTrusting(SERVER_CERTIFICATE)
                .privateKey(CLIENT_KEYS.getPrivate()).publicKey(CLIENT_KEYS.getPublic()).build();
        TLSConfiguration serverConfig = Configs.server(SERVER_CERTIFICATE)
                .trustedPublicKeys(List.of(SERVER_KEYS.getPublic())).build();
        TLSConnection client = new TLSConnection(clientConfig, "localhost");
        TLSConnection server = new TLSConnection(serverConfig);
        assertThatThrownBy(() -> MemoryPipe.handshake(client, server)).isInstanceOf(BadCertificate.class);
    }
}
