package io.siotls.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.ClientAuthentication;
import io.siotls.ConnectionOptions;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.HandshakeFailure;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.MemoryPipe;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link ConnectionOptions} change for one connection: each set option replaces the
 * configuration's value, the configuration itself is shared, and an option that does not fit the
 * configuration is refused when the connection is made, naming the option.
 */
class ConnectionOverridesTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);
    private static final Identity CLIENT = TestPki.client(KeyType.EC_P256);

    private static final TLSConfiguration SERVER_CONFIG = Configs.server(SERVER)
            .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384)
            .truststore(TrustStores.fromCertificates(List.of(CLIENT.root())))
            .clientAuthentication(ClientAuthentication.NONE)
            .alpn("http/1.1")
            .build();

    private static final TLSConfiguration CLIENT_CONFIG = Configs.clientTrusting(SERVER)
            .cipherSuites(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384)
            .alpn("h2", "http/1.1")
            .build();

    @Test
    void withoutOptionsTheConfigurationDecides() {
        TLSConnection server = new TLSConnection(SERVER_CONFIG);
        MemoryPipe.handshake(new TLSConnection(CLIENT_CONFIG, "localhost"), server);
        assertThat(server.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_128_GCM_SHA256);
        assertThat(server.nconfig().alpn()).isEqualTo("http/1.1");
        assertThat(server.nconfig().peerCertificateChain()).isEmpty();
    }

    @Test
    void serverOptionsReplaceSuitesAlpnAndGroupsWithoutCopyingTheConfiguration() {
        TLSConnection server = new TLSConnection(SERVER_CONFIG, ConnectionOptions.builder()
                .cipherSuites(List.of(CipherSuite.TLS_AES_256_GCM_SHA384))
                .alpn(List.of("h2", "http/1.1"))
                .keyExchanges(List.of(NamedGroup.SECP384R1))
                .build());
        TLSConnection client = new TLSConnection(Configs.clientTrusting(SERVER)
                .keyExchanges(NamedGroup.X25519, NamedGroup.SECP384R1).alpn("h2", "http/1.1").build(), "localhost");
        MemoryPipe.handshake(client, server);
        assertThat(server.config()).isSameAs(SERVER_CONFIG);
        assertThat(client.nconfig().cipherSuite()).isEqualTo(CipherSuite.TLS_AES_256_GCM_SHA384);
        assertThat(client.nconfig().alpn()).isEqualTo("h2");
        assertThat(client.nconfig().keyExchange()).as("a HelloRetryRequest for the connection's only group")
                .isEqualTo(NamedGroup.SECP384R1);
    }

    @Test
    void clientAuthenticationChosenPerConnection() {
        ConnectionOptions required = ConnectionOptions.builder()
                .clientAuthentication(ClientAuthentication.REQUIRED).build();
        assertThatThrownBy(() -> MemoryPipe.handshake(new TLSConnection(CLIENT_CONFIG, "localhost"),
                new TLSConnection(SERVER_CONFIG, required))).isInstanceOf(CertificateRequired.class);

        TLSConnection server = new TLSConnection(SERVER_CONFIG, required);
        TLSConfiguration clientWithCertificate = Configs.clientTrusting(SERVER)
                .certificateChain(CLIENT.chain()).privateKey(CLIENT.privateKey()).build();
        MemoryPipe.handshake(new TLSConnection(clientWithCertificate, "localhost"), server);
        assertThat(server.nconfig().peerCertificateChain()).hasSize(CLIENT.chain().size());
    }

    @Test
    void clientSignatureSchemesNarrowWhatTheServerMaySignWith() {
        TLSConnection client = new TLSConnection(CLIENT_CONFIG, ConnectionOptions.builder()
                .serverName("localhost").verificationHostname("localhost")
                .signatureAlgorithms(List.of(SignatureScheme.ED25519)).build());
        assertThatThrownBy(() -> MemoryPipe.handshake(client, new TLSConnection(SERVER_CONFIG)))
                .as("an EC P-256 server cannot sign with ed25519").isInstanceOf(HandshakeFailure.class);
    }

    @Test
    void optionsThatDoNotFitTheConfigurationAreRefusedNamingTheOption() {
        ConnectionOptions clientAuthentication = ConnectionOptions.builder()
                .clientAuthentication(ClientAuthentication.REQUIRED).build();
        assertThatThrownBy(() -> new TLSConnection(CLIENT_CONFIG, clientAuthentication))
                .isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
                    assertThat(e.option()).isEqualTo(ConfigurationOption.CLIENT_AUTHENTICATION);
                    assertThat(e.problem()).isEqualTo(ConfigurationProblem.WRONG_SIDE);
                });
        TLSConfiguration serverWithoutTrust = Configs.server(SERVER).build();
        assertThatThrownBy(() -> new TLSConnection(serverWithoutTrust, clientAuthentication))
                .isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
                    assertThat(e.option()).isEqualTo(ConfigurationOption.CLIENT_AUTHENTICATION);
                    assertThat(e.problem()).isEqualTo(ConfigurationProblem.INCOMPLETE);
                });
        ConnectionOptions withTrust = ConnectionOptions.builder().clientAuthentication(ClientAuthentication.REQUIRED)
                .truststore(TrustStores.fromCertificates(List.of(CLIENT.root()))).build();
        assertThat(new TLSConnection(serverWithoutTrust, withTrust).config()).isSameAs(serverWithoutTrust);
    }

    @Test
    void malformedOptionsAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> ConnectionOptions.builder().cipherSuites(List.of()))
                .isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
                    assertThat(e.option()).isEqualTo(ConfigurationOption.CIPHER_SUITES);
                    assertThat(e.problem()).isEqualTo(ConfigurationProblem.EMPTY);
                });
        assertThatThrownBy(() -> ConnectionOptions.builder().keyExchanges(List.of(NamedGroup.X25519, NamedGroup.X25519)))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.DUPLICATE));
        assertThatThrownBy(() -> ConnectionOptions.builder()
                .signatureAlgorithms(List.of(SignatureScheme.RSA_PKCS1_SHA256)))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.problem()).isEqualTo(ConfigurationProblem.NOT_ALLOWED_IN_HANDSHAKE));
        assertThatThrownBy(() -> ConnectionOptions.builder().alpn(List.of("")))
                .isInstanceOfSatisfying(TLSConfigurationException.class,
                        e -> assertThat(e.option()).isEqualTo(ConfigurationOption.ALPN));
    }
}
