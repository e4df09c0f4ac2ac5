package io.siotls.spring.autoconfigure;

import static io.siotls.testing.TestPki.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.siotls.ClientAuthentication;
import io.siotls.Side;
import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.spring.autoconfigure.SiotlsProperties.Implementation;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SiotlsAutoConfigurationTest {

    private final ApplicationContextRunner runner = TestApplications.bundlesAndSiotlsRunner();

    @TempDir
    Path directory;

    private TestPki pki;
    private TestPki.Leaf server;

    @BeforeEach
    void makeCertificates() {
        pki = new TestPki(directory);
        server = pki.leaf("server", "localhost");
    }

    private String[] serverChain() {
        return TestApplications.serverKeyProperties(server);
    }

    @Test
    void withoutPropertiesOnlyTheClientBeansExistAndTheyVerifyAgainstTheSystemTrustStore() {
        runner.run(context -> {
            assertThat(context).hasNotFailed()
                    .doesNotHaveBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION)
                    .doesNotHaveBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)
                    .hasBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT);
            TLSConfiguration client = context.getBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION, TLSConfiguration.class);
            assertThat(client.side()).isEqualTo(Side.CLIENT);
            assertThat(client.truststore()).isEqualTo(TrustStores.system());
            assertThat(client.insecureNoPeerVerification()).isFalse();
            assertThat(client.cipherSuites()).isEqualTo(TLSConfiguration.DEFAULT_CIPHER_SUITES);
            assertThat(client.keyExchanges()).isEqualTo(TLSConfiguration.DEFAULT_KEY_EXCHANGES);
            assertThat(client.maxFragmentLength()).isEqualTo(MaxFragmentLength.MAX_16384);
            assertThat(client.alpn()).isEmpty();
            assertThat(client.logKeys()).isFalse();
            assertThat(client.requestOcspStapling()).isFalse();
            SSLContext ssl = context.getBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT, SSLContext.class);
            assertThat(ssl.getProvider().getName()).isEqualTo("siotls");
            SiotlsProperties properties = context.getBean(SiotlsProperties.class);
            assertThat(properties.getImplementation()).isEqualTo(Implementation.SIOTLS);
            assertThat(properties.getServer().getHandshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.getServer().isReloadOnUpdate()).isFalse();
            assertThat(properties.getServer().getClientAuth()).isNull();
        });
    }

    @Test
    void serverConfigurationFromChainAndKeyFiles() {
        runner.withPropertyValues(serverChain()).run(context -> {
            TLSConfiguration config = context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
            assertThat(config.side()).isEqualTo(Side.SERVER);
            assertThat(config.certificateChain()).hasSize(2).first().isEqualTo(server.certificate());
            assertThat(config.privateKey().getEncoded()).isEqualTo(server.keys().getPrivate().getEncoded());
            assertThat(config.clientAuthentication()).isEqualTo(ClientAuthentication.NONE);
            assertThat(config.truststore()).isNull();
            SSLContext ssl = context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
            assertThat(ssl.getProvider().getName()).isEqualTo("siotls");
            assertThat(ssl.createSSLEngine().getUseClientMode()).isFalse();
        });
    }

    @Test
    void encryptedPkcs8KeyWithItsPassword() {
        Path encrypted = pki.encryptedKey(server, "s3cret");
        runner.withPropertyValues("siotls.server.certificate-chain=" + location(server.chainFile()),
                "siotls.server.private-key=" + location(encrypted), "siotls.server.private-key-password=s3cret")
                .run(context -> assertThat(context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION,
                        TLSConfiguration.class).privateKey().getEncoded()).isEqualTo(server.keys().getPrivate().getEncoded()));
    }

    @Test
    void truststoreSystemOrPemFile() {
        runner.withPropertyValues("siotls.client.truststore=system").run(context ->
                assertThat(clientConfig(context).truststore()).isEqualTo(TrustStores.system()));
        runner.withPropertyValues("siotls.client.truststore=" + location(pki.caFile())).run(context -> {
            TLSConfiguration config = clientConfig(context);
            assertThat(config.truststore().trustAnchors()).hasSize(1);
            assertThat(config.truststore().trustAnchors().iterator().next().getSubjectX500Principal().getName())
                    .isEqualTo("CN=siotls test CA");
        });
    }

    @Test
    void clientAuthDefaultsToNeedWithATruststoreAndMapsEachValue() {
        String truststore = "siotls.server.truststore=" + location(pki.caFile());
        runner.withPropertyValues(serverChain()).withPropertyValues(truststore).run(context ->
                assertThat(serverConfig(context).clientAuthentication()).isEqualTo(ClientAuthentication.REQUIRED));
        for (String[] mapping : new String[][] {{"none", "NONE"}, {"want", "OPTIONAL"}, {"need", "REQUIRED"}}) {
            runner.withPropertyValues(serverChain()).withPropertyValues(truststore, "siotls.server.client-auth=" + mapping[0])
                    .run(context -> assertThat(serverConfig(context).clientAuthentication())
                            .isEqualTo(ClientAuthentication.valueOf(mapping[1])));
        }
    }

    @Test
    void clientAuthWithoutTrustMaterialFailsNamingTheProperty() {
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.client-auth=want").run(context -> {
            assertThat(context).hasFailed();
            assertThat(propertyFailure(context))
                    .hasMessageContaining("siotls.server.client-auth: want needs trust material");
        });
    }

    @Test
    void sniChainsByHostName() {
        TestPki.Leaf api = pki.leaf("api", "api.example.com");
        runner.withPropertyValues(serverChain()).withPropertyValues(
                "siotls.server.sni[api.example.com].certificate-chain=" + location(api.chainFile()),
                "siotls.server.sni[api.example.com].private-key=" + location(api.keyFile())).run(context -> {
                    List<SigningChain> chains = serverConfig(context).signingChains();
                    assertThat(chains).extracting(SigningChain::leaf).containsExactly(server.certificate(), api.certificate());
                });
    }

    @Test
    void sniChainsAloneMakeAServer() {
        TestPki.Leaf api = pki.leaf("api", "api.example.com");
        runner.withPropertyValues("siotls.server.sni[api.example.com].certificate-chain=" + location(api.chainFile()),
                "siotls.server.sni[api.example.com].private-key=" + location(api.keyFile())).run(context ->
                        assertThat(serverConfig(context).signingChains()).extracting(SigningChain::leaf)
                                .containsExactly(api.certificate()));
    }

    @Test
    void sniChainWhoseCertificateDoesNotNameTheHostFails() {
        TestPki.Leaf api = pki.leaf("api", "api.example.com");
        runner.withPropertyValues(serverChain()).withPropertyValues(
                "siotls.server.sni[www.example.com].certificate-chain=" + location(api.chainFile()),
                "siotls.server.sni[www.example.com].private-key=" + location(api.keyFile())).run(context ->
                        assertThat(propertyFailure(context))
                                .hasMessageStartingWith("siotls.server.sni[www.example.com].certificate-chain: ")
                                .hasMessageContaining("does not name www.example.com"));
    }

    @Test
    void sniChainWithTheWrongKeyFailsNamingItsProperty() {
        TestPki.Leaf api = pki.leaf("api", "api.example.com");
        runner.withPropertyValues(serverChain()).withPropertyValues(
                "siotls.server.sni[api.example.com].certificate-chain=" + location(api.chainFile()),
                "siotls.server.sni[api.example.com].private-key=" + location(server.keyFile())).run(context ->
                        assertThat(propertyFailure(context))
                                .hasMessageStartingWith("siotls.server.sni[api.example.com].private-key: ")
                                .hasMessageContaining("does not match"));
    }

    @Test
    void algorithmsByName() {
        runner.withPropertyValues("siotls.client.cipher-suites=TLS_AES_128_GCM_SHA256,tls_aes_256_gcm_sha384",
                "siotls.client.key-exchanges=secp384r1,x25519",
                "siotls.client.signature-algorithms=ecdsa_secp256r1_sha256,ed25519",
                "siotls.client.private-key-signature-algorithms=ecdsa_secp256r1_sha256",
                "siotls.client.alpn=h2,http/1.1", "siotls.client.max-fragment-length=4096",
                "siotls.client.request-ocsp-stapling=true").run(context -> {
                    TLSConfiguration config = clientConfig(context);
                    assertThat(config.cipherSuites()).containsExactly(CipherSuite.TLS_AES_128_GCM_SHA256,
                            CipherSuite.TLS_AES_256_GCM_SHA384);
                    assertThat(config.keyExchanges()).containsExactly(NamedGroup.SECP384R1, NamedGroup.X25519);
                    assertThat(config.signatureAlgorithms()).containsExactly(SignatureScheme.ECDSA_SECP256R1_SHA256,
                            SignatureScheme.ED25519);
                    assertThat(config.privateKeySignatureAlgorithms()).containsExactly(SignatureScheme.ECDSA_SECP256R1_SHA256);
                    assertThat(config.alpn()).containsExactly("h2", "http/1.1");
                    assertThat(config.maxFragmentLength()).isEqualTo(MaxFragmentLength.MAX_4096);
                    assertThat(config.requestOcspStapling()).isTrue();
                });
    }

    @Test
    void postQuantumGroupsByTheirIanaNamesInAnyCase() {
        runner.withPropertyValues("siotls.client.key-exchanges=X25519MLKEM768,SecP256r1MLKEM768,"
                + "secp384r1mlkem1024,MLKEM512,MLKEM768,MLKEM1024").run(context ->
                        assertThat(clientConfig(context).keyExchanges()).containsExactly(NamedGroup.X25519MLKEM768,
                                NamedGroup.SECP256R1MLKEM768, NamedGroup.SECP384R1MLKEM1024, NamedGroup.MLKEM512,
                                NamedGroup.MLKEM768, NamedGroup.MLKEM1024));
    }

    @Test
    void unknownAlgorithmNameFailsNamingTheEntryAndTheAcceptedValues() {
        runner.withPropertyValues("siotls.client.cipher-suites=TLS_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_MD5")
                .run(context -> assertThat(propertyFailure(context))
                        .hasMessageStartingWith("siotls.client.cipher-suites[1]: unknown CipherSuite 'TLS_RSA_WITH_RC4_128_MD5'")
                        .hasMessageContaining("expected one of: TLS_AES_128_GCM_SHA256"));
        runner.withPropertyValues("siotls.client.key-exchanges=x25519,x448,curve9000").run(context ->
                assertThat(propertyFailure(context))
                        .hasMessageStartingWith("siotls.client.key-exchanges[2]: unknown NamedGroup 'curve9000'"));
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.signature-algorithms=rsa_md5")
                .run(context -> assertThat(propertyFailure(context))
                        .hasMessageStartingWith("siotls.server.signature-algorithms[0]: unknown SignatureScheme"));
        runner.withPropertyValues("siotls.client.max-fragment-length=1000").run(context ->
                assertThat(propertyFailure(context))
                        .hasMessage("siotls.client.max-fragment-length: 1000 is not a record size limit of RFC 6066"));
    }

    @Test
    void limitsBindToTheEngineAndDefaultToItsDefaults() {
        runner.withPropertyValues("siotls.client.limits.max-handshake-message-length=128KB",
                "siotls.client.limits.max-certificate-chain-length=4",
                "siotls.client.limits.max-buffered-application-data=2MB",
                "siotls.client.limits.max-empty-records=8", "siotls.client.limits.max-warning-alerts=0",
                "siotls.client.limits.max-change-cipher-spec-records=2", "siotls.client.limits.max-key-updates=5")
                .withPropertyValues(serverChain()).run(context -> {
                    assertThat(clientConfig(context).limits()).isEqualTo(new io.siotls.Limits(128 * 1024, 4,
                            2 * 1024 * 1024, 8, 0, 2, 5, Duration.ofSeconds(10)));
                    assertThat(context.getBean("siotlsServerConfiguration", TLSConfiguration.class).limits())
                            .isEqualTo(io.siotls.Limits.DEFAULTS);
                });
    }

    @Test
    void limitOutOfRangeFailsNamingTheProperty() {
        runner.withPropertyValues("siotls.client.limits.max-certificate-chain-length=0").run(context ->
                assertThat(propertyFailure(context)).hasMessage(
                        "siotls.client.limits.max-certificate-chain-length: "
                        + "limits.max_certificate_chain_length must be within [1, 1000], got 0"));
        runner.withPropertyValues("siotls.client.limits.max-handshake-message-length=100MB").run(context ->
                assertThat(propertyFailure(context)).hasMessageStartingWith(
                        "siotls.client.limits.max-handshake-message-length: "
                        + "limits.max_handshake_message_length must be within [1024, 16777215]"));
        runner.withPropertyValues("siotls.client.handshake-timeout=0s").run(context ->
                assertThat(propertyFailure(context)).hasMessage(
                        "siotls.client.handshake-timeout: limits.max_handshake_duration must be a positive duration, got PT0S"));
    }

    @Test
    void duplicateAlgorithmFailsThroughTheCoreNamingTheProperty() {
        runner.withPropertyValues("siotls.client.cipher-suites=TLS_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256")
                .run(context -> assertThat(propertyFailure(context))
                        .hasMessageStartingWith("siotls.client.cipher-suites: cipher_suites lists TLS_AES_128_GCM_SHA256 twice"));
    }

    @Test
    void keyLogFile() {
        Path keyLog = directory.resolve("keys.log");
        runner.withPropertyValues("siotls.client.log-keys=true", "siotls.client.key-log-file=" + keyLog).run(context -> {
            TLSConfiguration config = clientConfig(context);
            assertThat(config.logKeys()).isTrue();
            assertThat(config.keyLogFile()).isEqualTo(keyLog);
        });
    }

    @Test
    void rawPublicKeys() {
        TestPki.Leaf serverKeys = pki.rawKeys("server-raw");
        TestPki.Leaf clientKeys = pki.rawKeys("client-raw");
        runner.withPropertyValues("siotls.server.public-key=" + location(serverKeys.publicKeyFile()),
                "siotls.server.private-key=" + location(serverKeys.keyFile()),
                "siotls.server.trusted-public-keys=" + location(clientKeys.publicKeyFile()),
                "siotls.client.public-key=" + location(clientKeys.publicKeyFile()),
                "siotls.client.private-key=" + location(clientKeys.keyFile()),
                "siotls.client.trusted-public-keys[0]=" + location(serverKeys.publicKeyFile())).run(context -> {
                    TLSConfiguration server = serverConfig(context);
                    assertThat(server.publicKey().getEncoded()).isEqualTo(serverKeys.keys().getPublic().getEncoded());
                    assertThat(server.certificateChain()).isEmpty();
                    assertThat(server.trustedPublicKeys()).extracting(key -> key.getEncoded())
                            .containsExactly(clientKeys.keys().getPublic().getEncoded());
                    assertThat(server.clientAuthentication()).isEqualTo(ClientAuthentication.REQUIRED);
                    TLSConfiguration client = clientConfig(context);
                    assertThat(client.truststore()).isNull();
                    assertThat(client.trustedPublicKeys()).extracting(key -> key.getEncoded())
                            .containsExactly(serverKeys.keys().getPublic().getEncoded());
                    assertThat(client.publicKey().getEncoded()).isEqualTo(clientKeys.keys().getPublic().getEncoded());
                });
    }

    @Test
    void insecureNoPeerVerificationIsExplicit() {
        runner.withPropertyValues("siotls.client.insecure-no-peer-verification=true").run(context -> {
            TLSConfiguration config = clientConfig(context);
            assertThat(config.insecureNoPeerVerification()).isTrue();
            assertThat(config.truststore()).isNull();
        });
        runner.withPropertyValues("siotls.client.insecure-no-peer-verification=true", "siotls.client.truststore=system")
                .run(context -> assertThat(propertyFailure(context))
                        .hasMessageStartingWith("siotls.client.insecure-no-peer-verification: is true while"));
    }

    @Test
    void ocspResponseIsStapledFromItsFile() {
        byte[] response = {0x30, 0x03, 0x0a, 0x01, 0x00};
        Path file = directory.resolve("ocsp.der");
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.ocsp-response=" + location(write(file, response)))
                .run(context -> assertThat(serverConfig(context).ocspResponse()).isEqualTo(response));
    }

    @Test
    void certificateAuthoritiesAreNamedUnlessTurnedOff() {
        runner.withPropertyValues(serverChain())
                .run(context -> assertThat(serverConfig(context).sendCertificateAuthorities()).isTrue());
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.send-certificate-authorities=false")
                .run(context -> assertThat(serverConfig(context).sendCertificateAuthorities()).isFalse());
    }

    @Test
    void sessionTicketsAreTwoOfTwoHoursUnlessSetAndAWrongValueNamesItsProperty() {
        runner.withPropertyValues(serverChain()).run(context -> {
            assertThat(serverConfig(context).sessionTickets()).isEqualTo(2);
            assertThat(serverConfig(context).sessionTicketLifetime()).isEqualTo(Duration.ofHours(2));
        });
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.session-tickets.count=0",
                "siotls.server.session-tickets.lifetime=30m").run(context -> {
                    assertThat(serverConfig(context).sessionTickets()).isZero();
                    assertThat(serverConfig(context).sessionTicketLifetime()).isEqualTo(Duration.ofMinutes(30));
                });
        runner.withPropertyValues(serverChain()).withPropertyValues("siotls.server.session-tickets.lifetime=8d")
                .run(context -> assertThat(propertyFailure(context).property())
                        .isEqualTo("siotls.server.session-tickets.lifetime"));
    }

    @Test
    void storedOptionsForTheIntegrations() {
        runner.withPropertyValues("siotls.server.handshake-timeout=3s", "siotls.server.reload-on-update=true",
                "siotls.implementation=jsse").run(context -> {
                    SiotlsProperties properties = context.getBean(SiotlsProperties.class);
                    assertThat(properties.getServer().getHandshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.getServer().isReloadOnUpdate()).isTrue();
                    assertThat(properties.getImplementation()).isEqualTo(Implementation.JSSE);
                });
    }

    @Test
    void beansBackOffWhenTheUserDefinesThem() {
        runner.withPropertyValues(serverChain()).withUserConfiguration(UserBeans.class).run(context -> {
            assertThat(context.getBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION)).isSameAs(UserBeans.CLIENT);
            assertThat(context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)).isSameAs(UserBeans.SERVER_SSL);
            assertThat(context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class).certificateChain())
                    .first().isEqualTo(server.certificate());
        });
    }

    @Test
    void aUserServerConfigurationGetsAnSslContextWithoutServerProperties() {
        runner.withBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class, () -> TLSConfiguration.server()
                .certificateChain(server.chainFile()).privateKey(server.keyFile(), null).build()).run(context -> {
                    assertThat(context).hasBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT);
                    assertThat(context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class)
                            .getProvider().getName()).isEqualTo("siotls");
                });
    }

    static SiotlsPropertyException propertyFailure(AssertableApplicationContext context) {
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SiotlsPropertyException failure) {
                return failure;
            }
        }
        throw new AssertionError("no SiotlsPropertyException in " + context.getStartupFailure());
    }

    private static Path write(Path file, byte[] content) {
        try {
            return java.nio.file.Files.write(file, content);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TLSConfiguration serverConfig(org.springframework.context.ApplicationContext context) {
        return context.getBean(SiotlsAutoConfiguration.SERVER_CONFIGURATION, TLSConfiguration.class);
    }

    private static TLSConfiguration clientConfig(org.springframework.context.ApplicationContext context) {
        return context.getBean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION, TLSConfiguration.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {
        static final TLSConfiguration CLIENT = TLSConfiguration.client().alpn("user").build();
        static final SSLContext SERVER_SSL = defaultContext();

        @Bean(SiotlsAutoConfiguration.CLIENT_CONFIGURATION)
        TLSConfiguration userClient() {
            return CLIENT;
        }

        @Bean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)
        SSLContext userServerSsl() {
            return SERVER_SSL;
        }

        private static SSLContext defaultContext() {
            try {
                return SSLContext.getDefault();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
