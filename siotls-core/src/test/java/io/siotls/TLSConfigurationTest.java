package io.siotls;

import io.siotls.connection.TLSConnection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyType;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import io.siotls.tickets.TicketKeys;
import io.siotls.trust.TrustStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TLSConfigurationTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    @TempDir
    Path dir;

    @Test
    void clientDefaultsPutAesGcmFirstAndVerifyServersWithTheSystemTrustStore() {
        TLSConfiguration config = TLSConfiguration.client().build();
        assertThat(config.side()).isEqualTo(Side.CLIENT);
        assertThat(config.otherSide()).isEqualTo(Side.SERVER);
        assertThat(config.cipherSuites()).containsExactly(CipherSuite.TLS_AES_256_GCM_SHA384,
                CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256);
        assertThat(config.keyExchanges()).containsExactly(NamedGroup.X25519MLKEM768, NamedGroup.X25519,
                NamedGroup.SECP256R1);
        assertThat(config.signatureAlgorithms()).isEqualTo(TLSConfiguration.DEFAULT_SIGNATURE_ALGORITHMS);
        assertThat(config.truststore()).isEqualTo(TrustStores.system());
        assertThat(config.requirePeerAuthentication()).isTrue();
        assertThat(config.insecureNoPeerVerification()).isFalse();
        assertThat(config.peerCertificateTypes()).containsExactly(CertificateType.X509);
        assertThat(config.certificateTypes()).isEmpty();
    }

    @Test
    void serverWithoutTrustStoreDoesNotAuthenticateClients() {
        TLSConfiguration config = Configs.server(IDENTITY).build();
        assertThat(config.truststore()).isNull();
        assertThat(config.requirePeerAuthentication()).isFalse();
        assertThat(config.certificateTypes()).containsExactly(CertificateType.X509);
    }

    @Test
    void serverNeedsAPrivateKey() {
        assertThatThrownBy(() -> TLSConfiguration.server().certificateChain(IDENTITY.chain()).build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("private_key is mandatory server-side");
    }

    @Test
    void privateKeyMustMatchTheCertificate() {
        Identity other = TestPki.builder().keyType(KeyType.EC_P256).keyPair(
                io.siotls.testing.KeyPairs.generate(KeyType.EC_P256)).build();
        assertThatThrownBy(() -> TLSConfiguration.server()
                .privateKey(other.privateKey()).certificateChain(IDENTITY.chain()).build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("private_key does not match the public key of certificate_chain[0]");
    }

    @Test
    void privateKeyMustFitOneOfItsSignatureAlgorithms() {
        assertThatThrownBy(() -> Configs.server(IDENTITY)
                .privateKeySignatureAlgorithms(SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256).build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("private_key: a EC key can sign with none of private_key_signature_algorithms");
    }

    @Test
    void emptyAndDuplicateListsAreRefusedByName() {
        assertThatThrownBy(() -> TLSConfiguration.client().cipherSuites(List.of()).build())
                .isInstanceOf(TLSConfigurationException.class).hasMessage("cipher_suites must not be empty");
        assertThatThrownBy(() -> TLSConfiguration.client().keyExchanges(NamedGroup.X25519, NamedGroup.X25519).build())
                .isInstanceOf(TLSConfigurationException.class).hasMessage("key_exchanges lists x25519 twice");
        assertThatThrownBy(() -> TLSConfiguration.client().alpn("h2", "h2").build())
                .isInstanceOf(TLSConfigurationException.class).hasMessage("alpn lists 'h2' twice");
    }

    @Test
    void legacySignatureSchemesAreOnlyForCertificates() {
        assertThatThrownBy(() -> TLSConfiguration.client().signatureAlgorithms(SignatureScheme.RSA_PKCS1_SHA256).build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("signature_algorithms: rsa_pkcs1_sha256 is only allowed in certificates");
    }

    @Test
    void alpnProtocolsMustBeOneTo255Bytes() {
        assertThatThrownBy(() -> TLSConfiguration.client().alpn("").build())
                .isInstanceOf(TLSConfigurationException.class).hasMessageContaining("1 to 255 bytes");
        assertThatThrownBy(() -> TLSConfiguration.client().alpn("x".repeat(256)).build())
                .isInstanceOf(TLSConfigurationException.class).hasMessageContaining("1 to 255 bytes");
    }

    @Test
    void unknownNamesAreRefusedWithTheAcceptedValues() {
        assertThatThrownBy(() -> CipherSuite.fromName("TLS_RSA_WITH_RC4_128_MD5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown CipherSuite 'TLS_RSA_WITH_RC4_128_MD5'")
                .hasMessageContaining("TLS_AES_128_GCM_SHA256");
        assertThat(NamedGroup.fromName("X25519")).isEqualTo(NamedGroup.X25519);
        assertThat(SignatureScheme.fromName("ecdsa_secp256r1_sha256")).isEqualTo(SignatureScheme.ECDSA_SECP256R1_SHA256);
    }

    @Test
    void configurationsAreComparedByValue() {
        TLSConfiguration a = Configs.server(IDENTITY).alpn("h2").build();
        TLSConfiguration b = Configs.server(IDENTITY).alpn("h2").build();
        TLSConfiguration c = Configs.server(IDENTITY).alpn("http/1.1").build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.toBuilder().alpn("http/1.1").build()).isEqualTo(c);
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        TLSConfiguration config = Configs.server(IDENTITY).build();
        String encodedKey = HexFormat.of().formatHex(IDENTITY.privateKey().getEncoded());
        assertThat(config.toString()).contains("privateKey=EC (hidden)").doesNotContain(encodedKey.substring(40, 80));
    }

    @Test
    void filesAreLoadedAndErrorsNameThem() {
        PemFiles pem = IDENTITY.writePem(dir);
        TLSConfiguration fromFiles = TLSConfiguration.server().privateKey(pem.key(), null)
                .certificateChain(pem.chain()).build();
        assertThat(fromFiles).isEqualTo(Configs.server(IDENTITY).build());
        TLSConfiguration client = TLSConfiguration.client().truststore(pem.ca()).build();
        assertThat(client.truststore()).isEqualTo(TrustStores.fromCertificates(List.of(IDENTITY.root())));

        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> TLSConfiguration.server().certificateChain(missing))
                .isInstanceOf(TLSConfigurationException.class).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> TLSConfiguration.server().privateKey(pem.chain(), null))
                .isInstanceOf(TLSConfigurationException.class).hasMessageContaining(pem.chain().toString());
    }

    @Test
    void insecureClientWarnsWhenBuiltAndForEveryConnection() {
        Logger logger = Logger.getLogger("io.siotls.insecure");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            TLSConfiguration config = TLSConfiguration.client().insecureNoPeerVerification().build();
            assertThat(config.truststore()).isNull();
            assertThat(config.requirePeerAuthentication()).isFalse();
            new TLSConnection(config, "example.com");
            new TLSConnection(config, "example.org");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING));
        assertThat(records.get(0).getMessage()).contains("INSECURE TLS client configuration");
        assertThat(records.get(2).getMessage()).contains("INSECURE TLS connection to example.org");
    }

    @Test
    void insecureModeIsClientSideOnly() {
        assertThatThrownBy(() -> Configs.server(IDENTITY).insecureNoPeerVerification().build())
                .isInstanceOf(TLSConfigurationException.class)
                .hasMessageContaining("insecure_no_peer_verification is a client-side option");
    }

    @Test
    void insecureClientConnectsWithoutVerifyingTheServer() {
        TLSConnection client = new TLSConnection(TLSConfiguration.client().insecureNoPeerVerification().build(),
                "not-the-certificate-name.example");
        TLSConnection server = new TLSConnection(Configs.server(IDENTITY).build());
        io.siotls.testing.MemoryPipe.handshake(client, server);
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aChainWithItsEndEntityLastIsReportedOutOfOrder() {
        Identity identity = TestPki.builder().keyType(KeyType.EC_P256)
                .keyPair(io.siotls.testing.KeyPairs.generate(KeyType.EC_P256)).withIntermediate().build();
        List<java.security.cert.X509Certificate> reversed = new ArrayList<>(identity.chain());
        java.util.Collections.reverse(reversed);
        assertThatThrownBy(() -> TLSConfiguration.server()
                .privateKey(identity.privateKey()).certificateChain(reversed).build())
                .isInstanceOfSatisfying(TLSConfigurationException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.option())
                            .isEqualTo(io.siotls.alerts.ConfigurationOption.CERTIFICATE_CHAIN);
                    org.assertj.core.api.Assertions.assertThat(e.problem())
                            .isEqualTo(io.siotls.alerts.ConfigurationProblem.WRONG_ORDER);
                })
                .hasMessageContaining("certificate_chain is out of order: the end-entity certificate (that of"
                        + " private_key, " + identity.leaf().getSubjectX500Principal().getName() + ") is at"
                        + " certificate_chain[" + (reversed.size() - 1) + "], not first")
                .hasMessageContaining("expected the end-entity certificate first, each certificate followed by"
                        + " the one that issued it (RFC 8446 §4.4.2)");
    }

    @Test
    void aChainWhoseIssuerIsNotNextIsReportedOutOfOrder() {
        Identity identity = TestPki.builder().keyType(KeyType.EC_P256)
                .keyPair(io.siotls.testing.KeyPairs.generate(KeyType.EC_P256)).withIntermediate().build();
        List<java.security.cert.X509Certificate> chain = new ArrayList<>(identity.chain());
        org.junit.jupiter.api.Assumptions.assumeTrue(chain.size() == 2);
        chain.add(1, identity.root());
        assertThatThrownBy(() -> TLSConfiguration.server()
                .privateKey(identity.privateKey()).certificateChain(chain).build())
                .isInstanceOfSatisfying(TLSConfigurationException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.problem()).isEqualTo(io.siotls.alerts.ConfigurationProblem.WRONG_ORDER))
                .hasMessageContaining("certificate_chain is out of order: certificate_chain[0]")
                .hasMessageContaining("is issued by certificate_chain[2]");
    }

    @Test
    void serversSendTwoTicketsOfTwoHoursByDefaultSealedByKeysEveryCopySharesAndClientsNone() {
        TLSConfiguration server = Configs.server(IDENTITY).build();
        assertThat(server.sessionTickets()).isEqualTo(2);
        assertThat(server.sessionTicketLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(server.sessionTicketKeys().rotationPeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(server.toBuilder().alpn("h2").build().sessionTicketKeys()).isSameAs(server.sessionTicketKeys());
        assertThat(Configs.server(IDENTITY).build().sessionTicketKeys()).isNotSameAs(server.sessionTicketKeys());
        assertThat(TLSConfiguration.client().build().sessionTickets()).isZero();
        TicketKeys keys = TicketKeys.random();
        assertThat(Configs.server(IDENTITY).sessionTicketKeys(keys).build())
                .isEqualTo(Configs.server(IDENTITY).sessionTicketKeys(keys).build())
                .isNotEqualTo(Configs.server(IDENTITY).sessionTicketKeys(TicketKeys.random()).build())
                .isNotEqualTo(server);
    }

    @Test
    void sessionTicketSettingsOutOfRangeOrOnAClientAreTypedErrors() {
        assertOption(() -> Configs.server(IDENTITY).sessionTickets(17),
                ConfigurationOption.SESSION_TICKETS, ConfigurationProblem.OUT_OF_RANGE);
        assertOption(() -> Configs.server(IDENTITY).sessionTickets(-1),
                ConfigurationOption.SESSION_TICKETS, ConfigurationProblem.OUT_OF_RANGE);
        assertOption(() -> Configs.server(IDENTITY).sessionTicketLifetime(Duration.ofDays(7).plusSeconds(1)),
                ConfigurationOption.SESSION_TICKET_LIFETIME,
                ConfigurationProblem.OUT_OF_RANGE);
        assertOption(() -> Configs.server(IDENTITY).sessionTicketLifetime(Duration.ZERO),
                ConfigurationOption.SESSION_TICKET_LIFETIME,
                ConfigurationProblem.OUT_OF_RANGE);
        assertOption(() -> TLSConfiguration.client().sessionTickets(2).build(),
                ConfigurationOption.SESSION_TICKETS, ConfigurationProblem.WRONG_SIDE);
        assertThat(Configs.server(IDENTITY).sessionTicketLifetime(Duration.ofDays(7)).build()
                .sessionTicketLifetime()).isEqualTo(Duration.ofDays(7));
    }

    private static void assertOption(Runnable build, ConfigurationOption option,
            ConfigurationProblem problem) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.option()).isEqualTo(option);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }
}
