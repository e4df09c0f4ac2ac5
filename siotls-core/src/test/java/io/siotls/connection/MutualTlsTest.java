package io.siotls.connection;

import io.siotls.TLSConfiguration;
import io.siotls.ClientAuthentication;
import io.siotls.SigningChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.TLSAlertException;
import io.siotls.testing.CertificateAuthority;
import io.siotls.testing.Configs;
import io.siotls.testing.Eku;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Client authentication (RFC 8446 §4.3.2, §4.4.2) between our client and our server. */
class MutualTlsTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.ED25519);

    private static TLSConfiguration.Builder serverTrustingClients() {
        return Configs.server(SERVER).truststore(TrustStores.fromCertificates(List.of(CLIENT.root())));
    }

    private static TLSConfiguration.Builder clientWith(Identity identity) {
        return Configs.clientTrusting(SERVER).privateKey(identity.privateKey()).certificateChain(identity.chain());
    }

    @Test
    void serverWithATrustStoreRequiresAndVerifiesTheClientsCertificate() {
        TLSConfiguration serverConfig = serverTrustingClients().build();
        assertThat(serverConfig.clientAuthentication()).isEqualTo(ClientAuthentication.REQUIRED);
        TLSConnection client = new TLSConnection(clientWith(CLIENT).build(), "localhost");
        TLSConnection server = new TLSConnection(serverConfig);
        MemoryPipe.handshake(client, server);
        assertThat(server.isConnected()).isTrue();
        assertThat(server.nconfig().peerCertificateChain()).isEqualTo(CLIENT.chain());
        assertThat(server.nconfig().peerPublicKey()).isEqualTo(CLIENT.leaf().getPublicKey());
        assertThat(client.nconfig().signatureAlgorithm()).isEqualTo(io.siotls.iana.SignatureScheme.ED25519);
        assertThat(client.nconfig().peerCertificateChain()).isEqualTo(SERVER.chain());
    }

    @Test
    void clientWithoutCertificateIsRefusedWithCertificateRequired() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(SERVER).build(), "localhost");
        TLSConnection server = new TLSConnection(serverTrustingClients().build());
        assertThatThrownBy(() -> MemoryPipe.handshake(client, server)).isInstanceOf(CertificateRequired.class);
        assertThatThrownBy(() -> client.receiveData(server.dataToSend()))
                .isInstanceOf(CertificateRequired.class)
                .satisfies(e -> assertThat(((TLSAlertException) e).isRemote()).isTrue());
    }

    @Test
    void optionalClientAuthenticationLetsAnonymousClientsIn() {
        TLSConnection client = new TLSConnection(Configs.clientTrusting(SERVER).build(), "localhost");
        TLSConnection server = new TLSConnection(serverTrustingClients()
                .clientAuthentication(ClientAuthentication.OPTIONAL).build());
        MemoryPipe.handshake(client, server);
        assertThat(server.isConnected()).isTrue();
        assertThat(server.nconfig().peerCertificateChain()).isEmpty();
        assertThat(server.nconfig().peerPublicKey()).isNull();
    }

    @Test
    void clientWhoseOnlyChainComesFromAnAuthorityTheServerDoesNotNameSendsNone() {
        Identity stranger = TestPki.builder().keyType(KeyType.EC_P256).eku(Eku.CLIENT_AUTH)
                .issuer(CertificateAuthority.root(KeyType.EC_P256, "stranger root")).build();
        TLSConnection optionalClient = new TLSConnection(clientWith(stranger).build(), "localhost");
        TLSConnection optionalServer = new TLSConnection(serverTrustingClients()
                .clientAuthentication(ClientAuthentication.OPTIONAL).build());
        MemoryPipe.handshake(optionalClient, optionalServer);
        assertThat(optionalServer.nconfig().peerCertificateChain()).isEmpty();

        TLSConnection client = new TLSConnection(clientWith(stranger).build(), "localhost");
        TLSConnection server = new TLSConnection(serverTrustingClients().build());
        assertThatThrownBy(() -> MemoryPipe.handshake(client, server)).isInstanceOf(CertificateRequired.class);
    }

    @Test
    void serverCertificateUsedAsClientCertificateIsBadCertificate() {
        Identity serverOnly = TestPki.builder().keyType(KeyType.ED25519).eku(Eku.SERVER_AUTH).build();
        TLSConnection client = new TLSConnection(clientWith(serverOnly).build(), "localhost");
        TLSConnection server = new TLSConnection(serverTrustingClients().build());
        assertThatThrownBy(() -> MemoryPipe.handshake(client, server)).isInstanceOf(BadCertificate.class);
    }

    @Test
    void clientPicksTheChainIssuedByAnAuthorityTheServerNames() {
        Identity other = TestPki.builder().keyType(KeyType.EC_P384).eku(Eku.CLIENT_AUTH)
                .issuer(CertificateAuthority.root(KeyType.EC_P384, "other root")).build();
        TLSConfiguration clientConfig = Configs.clientTrusting(SERVER)
                .privateKey(other.privateKey()).certificateChain(other.chain())
                .signingChain(new SigningChain(CLIENT.chain(), CLIENT.privateKey()))
                .build();
        TLSConnection client = new TLSConnection(clientConfig, "localhost");
        TLSConnection server = new TLSConnection(serverTrustingClients().build());
        MemoryPipe.handshake(client, server);
        assertThat(server.nconfig().peerCertificateChain()).isEqualTo(CLIENT.chain());
    }

    @Test
    void serverPicksItsChainBySniAndByWhatTheClientCanVerify() {
        Identity www = TestPki.builder().keyType(KeyType.EC_P256).dnsNames("www.example.com").build();
        Identity wildcard = TestPki.builder().keyType(KeyType.EC_P256).dnsNames("*.example.org").build();
        Identity rsa = TestPki.builder().keyType(KeyType.RSA_2048).dnsNames("www.example.com").build();
        TLSConfiguration serverConfig = Configs.server(SERVER)
                .signingChain(new SigningChain(www.chain(), www.privateKey()))
                .signingChain(new SigningChain(wildcard.chain(), wildcard.privateKey()))
                .signingChain(new SigningChain(rsa.chain(), rsa.privateKey()))
                .build();
        assertThat(peerChain(serverConfig, "www.example.com", Configs.clientTrusting(www))).isEqualTo(www.chain());
        assertThat(peerChain(serverConfig, "api.example.org", Configs.clientTrusting(wildcard)))
                .isEqualTo(wildcard.chain());
        assertThat(peerChain(serverConfig, "localhost", Configs.clientTrusting(SERVER))).isEqualTo(SERVER.chain());
        assertThat(peerChain(serverConfig, "www.example.com", Configs.clientTrusting(rsa)
                .signatureAlgorithms(io.siotls.iana.SignatureScheme.RSA_PSS_RSAE_SHA256)))
                .as("only the RSA chain can sign what this client accepts").isEqualTo(rsa.chain());
    }

    private static List<java.security.cert.X509Certificate> peerChain(TLSConfiguration serverConfig, String host,
            TLSConfiguration.Builder client) {
        TLSConnection clientConnection = new TLSConnection(client.build(), host);
        MemoryPipe.handshake(clientConnection, new TLSConnection(serverConfig));
        return clientConnection.nconfig().peerCertificateChain();
    }

    @Test
    void optionalWithoutTrustMaterialIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Configs.server(SERVER)
                .clientAuthentication(ClientAuthentication.OPTIONAL).build())
                .isInstanceOf(io.siotls.alerts.TLSConfigurationException.class)
                .hasMessageContaining("client_authentication=optional needs a truststore or trusted_public_keys");
    }
}
