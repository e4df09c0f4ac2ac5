package io.siotls.spring.autoconfigure.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.SiotlsServerProperties;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/** The sources the Tomcat startup line names for the key and trust material, by how they are configured. */
class TomcatCertificateLogTest {

    private static final Identity SERVER = TestPki.server(KeyType.EC_P256);

    private static TLSConfiguration configuration(boolean trusting) {
        TLSConfiguration.Builder builder = TLSConfiguration.server().certificateChain(SERVER.chain())
                .privateKey(SERVER.privateKey());
        if (trusting) {
            builder.truststore(TrustStores.fromCertificates(List.of(SERVER.root())));
        }
        return builder.build();
    }

    @Test
    void aBundleAndSniChainsAreNamed() {
        SiotlsServerProperties properties = new SiotlsServerProperties();
        properties.setBundle("web");
        SiotlsServerProperties.SniChain api = new SiotlsServerProperties.SniChain();
        api.setCertificateChain(new FileSystemResource("/etc/tls/api.pem"));
        api.setPrivateKey(new ClassPathResource("tls/api-key.pem"));
        properties.getSni().put("api.example.com", api);
        assertThat(TomcatCertificateLog.describe(properties, configuration(true))).isEqualTo("key material from "
                + "SSL bundle 'web' (siotls.server.bundle), "
                + "siotls.server.sni[api.example.com].certificate-chain file [/etc/tls/api.pem], "
                + "siotls.server.sni[api.example.com].private-key class path resource [tls/api-key.pem] "
                + "(end-entity certificate " + SERVER.leaf().getSubjectX500Principal().getName() + "); "
                + "trust store: SSL bundle 'web'");
    }

    @Test
    void theSystemTrustStoreAndRawKeysAreNamed() {
        SiotlsServerProperties properties = new SiotlsServerProperties();
        properties.setCertificateChain(new FileSystemResource("/etc/tls/server.pem"));
        properties.setPrivateKey(new FileSystemResource("/etc/tls/server-key.pem"));
        properties.setTruststore(" System ");
        properties.setTrustedPublicKeys(List.of(new FileSystemResource("/etc/tls/peer.pub")));
        assertThat(TomcatCertificateLog.describe(properties, configuration(true)))
                .endsWith("; trust store: the JDK's default trust store (siotls.server.truststore=system), "
                        + "1 raw public keys (siotls.server.trusted-public-keys)");
    }

    @Test
    void keyStoresAreNamed() {
        SiotlsServerProperties properties = new SiotlsServerProperties();
        properties.setKeyStore(new FileSystemResource("/etc/tls/server.p12"));
        properties.setTruststore("file:/etc/tls/clients.jks");
        SiotlsServerProperties.SniChain api = new SiotlsServerProperties.SniChain();
        api.setKeyStore(new FileSystemResource("/etc/tls/api.jks"));
        properties.getSni().put("api.example.com", api);
        assertThat(TomcatCertificateLog.describe(properties, configuration(true))).isEqualTo("key material from "
                + "siotls.server.key-store file [/etc/tls/server.p12], "
                + "siotls.server.sni[api.example.com].key-store file [/etc/tls/api.jks] "
                + "(end-entity certificate " + SERVER.leaf().getSubjectX500Principal().getName() + "); "
                + "trust store: siotls.server.truststore=file:/etc/tls/clients.jks");
    }

    @Test
    void aConfigurationGivenAsItIsNamesNoProperty() {
        assertThat(TomcatCertificateLog.describe(null, configuration(false))).isEqualTo("key material from the server "
                + "TLSConfiguration given to siotls, not siotls.server properties (end-entity certificate "
                + SERVER.leaf().getSubjectX500Principal().getName() + "); trust store: none");
        assertThat(TomcatCertificateLog.describe(null, configuration(true)))
                .endsWith("; trust store: that of the server TLSConfiguration");
    }
}
