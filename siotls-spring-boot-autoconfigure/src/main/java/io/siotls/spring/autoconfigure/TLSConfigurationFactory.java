package io.siotls.spring.autoconfigure;

import io.siotls.ClientAuthentication;
import io.siotls.Limits;
import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.spring.autoconfigure.KeyStoreMaterial.KeyStoreProperties;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.ClientAuth;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.SessionTickets;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.SniChain;
import io.siotls.trust.HostnameVerifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Builds the {@link TLSConfiguration} of each side from the {@code siotls.*} properties. The
 * server configurations it builds share one set of random session ticket keys (unless
 * {@code siotls.server.session-tickets.key-file} is set), so that a configuration rebuilt by
 * {@code reload-on-update} resumes the sessions of the one it replaces.
 */
public final class TLSConfigurationFactory {

    /** Prefix of the server properties. */
    public static final String SERVER = "siotls.server";

    /** Prefix of the client properties. */
    public static final String CLIENT = "siotls.client";

    private final KeyMaterialLoader loader;
    private final SslBundles bundles;
    private final ServerTicketKeys ticketKeys = new ServerTicketKeys();

    /**
     * @param loader resolves truststore locations
     * @param bundles the SSL bundles {@code bundle} properties name, or null when there are none
     */
    public TLSConfigurationFactory(ResourceLoader loader, SslBundles bundles) {
        this.loader = new KeyMaterialLoader(loader);
        this.bundles = bundles;
    }

    /**
     * The server configuration.
     *
     * @throws SiotlsPropertyException naming the property at fault
     */
    public TLSConfiguration server(SiotlsServerProperties properties) {
        TLSConfiguration configuration;
        try {
            configuration = serverBuilder(properties).build();
        } catch (TLSConfigurationException e) {
            throw CoreFailures.translate(e, SERVER);
        }
        ticketKeys.built(configuration);
        return configuration;
    }

    private TLSConfiguration.Builder serverBuilder(SiotlsServerProperties properties) {
        TLSConfiguration.Builder builder = TLSConfiguration.server();
        applyCommon(builder, properties, SERVER);
        for (Map.Entry<String, SniChain> entry : properties.getSni().entrySet()) {
            builder.signingChain(sniChain(entry.getKey(), entry.getValue()));
        }
        if (properties.getOcspResponse() != null) {
            builder.ocspResponse(ResourceContent.read(properties.getOcspResponse(), SERVER + ".ocsp-response"));
        }
        builder.sendCertificateAuthorities(properties.isSendCertificateAuthorities());
        SessionTickets tickets = properties.getSessionTickets();
        builder.sessionTickets(tickets.isEnabled() ? tickets.getCount() : 0).sessionTicketLifetime(tickets.getLifetime());
        if (tickets.sendsTickets()) {
            ticketKeys.apply(builder, tickets);
        }
        builder.pskKeWithoutForwardSecrecy(tickets.isPskKeWithoutForwardSecrecy());
        if (properties.getClientAuth() != null) {
            requireTrustMaterial(properties);
            builder.clientAuthentication(clientAuthentication(properties.getClientAuth()));
        }
        return builder;
    }

    /**
     * The client configuration: verifies servers against the JDK's default trust store unless
     * told otherwise.
     *
     * @throws SiotlsPropertyException naming the property at fault
     */
    public TLSConfiguration client(SiotlsClientProperties properties) {
        return client(properties, CLIENT);
    }

    /**
     * A client configuration made from the properties under {@code prefix}: {@code siotls.client},
     * or a named client's {@code siotls.clients.<name>}.
     *
     * @throws SiotlsPropertyException naming the property at fault under {@code prefix}
     */
    public TLSConfiguration client(SiotlsClientProperties properties, String prefix) {
        try {
            return clientBuilder(properties, prefix).build();
        } catch (TLSConfigurationException e) {
            throw CoreFailures.translate(e, prefix);
        }
    }

    private TLSConfiguration.Builder clientBuilder(SiotlsClientProperties properties, String prefix) {
        TLSConfiguration.Builder builder = TLSConfiguration.client();
        applyCommon(builder, properties, prefix);
        builder.requestOcspStapling(properties.isRequestOcspStapling());
        if (properties.isInsecureNoPeerVerification()) {
            if (StringUtils.hasText(properties.getTruststore()) || !properties.getTrustedPublicKeys().isEmpty()) {
                throw new SiotlsPropertyException(prefix + ".insecure-no-peer-verification",
                        "is true while " + prefix + ".truststore or " + prefix + ".trusted-public-keys is set",
                        "Remove " + prefix + ".insecure-no-peer-verification: servers are then verified.");
            }
            builder.insecureNoPeerVerification();
        }
        return builder;
    }

    private void applyCommon(TLSConfiguration.Builder builder, SiotlsSideProperties properties, String prefix) {
        applyKeyMaterial(builder, properties, prefix);
        applyTrustMaterial(builder, properties, prefix);
        applyAlgorithms(builder, properties, prefix);
        if (!properties.getAlpn().isEmpty()) {
            builder.alpn(properties.getAlpn());
        }
        builder.maxFragmentLength(maxFragmentLength(properties.getMaxFragmentLength(), prefix + ".max-fragment-length"));
        builder.limits(limits(properties, prefix));
        builder.logKeys(properties.isLogKeys());
        builder.keyLogFile(properties.getKeyLogFile());
    }

    private void applyKeyMaterial(TLSConfiguration.Builder builder, SiotlsSideProperties properties, String prefix) {
        KeySourceRules.check(properties, prefix);
        if (properties.getBundle() != null) {
            BundleMaterial material = BundleMaterial.load(bundles, properties.getBundle(), prefix + ".bundle");
            if (material.signingChain() != null) {
                builder.certificateChain(material.signingChain().chain())
                        .privateKey(material.signingChain().privateKey());
            }
            if (material.truststore() != null) {
                builder.truststore(material.truststore());
            }
            return;
        }
        if (properties.getKeyStore() != null) {
            SigningChain chain = KeyStoreMaterial.signingChain(KeyStoreProperties.of(properties, prefix));
            builder.certificateChain(chain.chain()).privateKey(chain.privateKey());
        }
        if (properties.getCertificateChain() != null) {
            builder.certificateChain(loader.certificates(properties.getCertificateChain(), prefix + ".certificate-chain",
                    prefix + ".key-store"));
        }
        if (properties.getPrivateKey() != null) {
            builder.privateKey(loader.privateKey(properties.getPrivateKey(), properties.getPrivateKeyPassword(),
                    prefix + ".private-key", prefix + ".key-store"));
        }
        if (properties.getPublicKey() != null) {
            builder.publicKey(loader.publicKey(properties.getPublicKey(), prefix + ".public-key"));
        }
    }

    private void applyTrustMaterial(TLSConfiguration.Builder builder, SiotlsSideProperties properties, String prefix) {
        if (StringUtils.hasText(properties.getTruststore())) {
            builder.truststore(loader.truststore(properties.getTruststore(), properties.getTruststorePassword(),
                    prefix + ".truststore"));
        }
        if (!properties.getTrustedPublicKeys().isEmpty()) {
            builder.trustedPublicKeys(loader.publicKeys(properties.getTrustedPublicKeys(), prefix + ".trusted-public-keys"));
        }
    }

    private static void applyAlgorithms(TLSConfiguration.Builder builder, SiotlsSideProperties properties, String prefix) {
        List<CipherSuite> suites = AlgorithmNames.parse(properties.getCipherSuites(), prefix + ".cipher-suites",
                CipherSuite::fromName);
        if (suites != null) {
            builder.cipherSuites(suites);
        }
        List<NamedGroup> groups = AlgorithmNames.parse(properties.getKeyExchanges(), prefix + ".key-exchanges",
                NamedGroup::fromName);
        if (groups != null) {
            builder.keyExchanges(groups);
        }
        List<SignatureScheme> schemes = AlgorithmNames.parse(properties.getSignatureAlgorithms(),
                prefix + ".signature-algorithms", SignatureScheme::fromName);
        if (schemes != null) {
            builder.signatureAlgorithms(schemes);
        }
        List<SignatureScheme> keySchemes = AlgorithmNames.parse(properties.getPrivateKeySignatureAlgorithms(),
                prefix + ".private-key-signature-algorithms", SignatureScheme::fromName);
        if (keySchemes != null) {
            builder.privateKeySignatureAlgorithms(keySchemes);
        }
    }

    /**
     * The engine's limits from {@code siotls.*.limits} and {@code siotls.*.handshake-timeout}; a
     * value out of range fails with the core's typed failure, which names its option.
     */
    private static Limits limits(SiotlsSideProperties side, String prefix) {
        SiotlsLimitsProperties properties = side.getLimits();
        String limitsPrefix = prefix + ".limits";
        return new Limits(bytes(properties.getMaxHandshakeMessageLength(), limitsPrefix + ".max-handshake-message-length"),
                properties.getMaxCertificateChainLength(),
                bytes(properties.getMaxBufferedApplicationData(), limitsPrefix + ".max-buffered-application-data"),
                properties.getMaxEmptyRecords(), properties.getMaxWarningAlerts(),
                properties.getMaxChangeCipherSpecRecords(), properties.getMaxKeyUpdates(),
                side.getHandshakeTimeout());
    }

    private static int bytes(DataSize size, String property) {
        if (size == null || size.toBytes() > Integer.MAX_VALUE) {
            throw new SiotlsPropertyException(property, "must be a size of at most 2 GB, got " + size,
                    "Set " + property + " to a size such as 64KB or 1MB.");
        }
        return (int) size.toBytes();
    }

    private static MaxFragmentLength maxFragmentLength(int octets, String property) {
        MaxFragmentLength length = MaxFragmentLength.fromOctets(octets);
        if (length == null) {
            throw new SiotlsPropertyException(property, octets + " is not a record size limit of RFC 6066",
                    "Set " + property + " to 512, 1024, 2048, 4096 or 16384.");
        }
        return length;
    }

    private SigningChain sniChain(String host, SniChain chain) {
        String prefix = SERVER + ".sni[" + host + "]";
        KeySourceRules.check(chain, prefix);
        SigningChain signingChain = chain.getKeyStore() != null
                ? KeyStoreMaterial.signingChain(KeyStoreProperties.of(chain, prefix))
                : loader.signingChain(chain.getCertificateChain(), chain.getPrivateKey(), chain.getPrivateKeyPassword(),
                        prefix);
        if (!HostnameVerifier.matches(signingChain.leaf(), host)) {
            String property = prefix + (chain.getKeyStore() != null ? ".key-store" : ".certificate-chain");
            throw new SiotlsPropertyException(property, "the end-entity certificate ("
                    + signingChain.leaf().getSubjectX500Principal().getName() + ") does not name " + host
                    + ", so it would never be chosen for it", "Key the chain under the host name its certificate names, "
                    + "or issue a certificate for " + host + ".");
        }
        try {
            TLSConfiguration.server().certificateChain(signingChain.chain()).privateKey(signingChain.privateKey()).build();
        } catch (TLSConfigurationException e) {
            throw CoreFailures.translate(e, prefix);
        }
        return signingChain;
    }

    private static void requireTrustMaterial(SiotlsServerProperties properties) {
        boolean trusts = StringUtils.hasText(properties.getTruststore()) || !properties.getTrustedPublicKeys().isEmpty()
                || properties.getBundle() != null;
        if (properties.getClientAuth() != ClientAuth.NONE && !trusts) {
            String property = SERVER + ".client-auth";
            throw new SiotlsPropertyException(property, properties.getClientAuth().name().toLowerCase(Locale.ROOT)
                    + " needs trust material to verify client certificates with", "Set " + SERVER + ".truststore or "
                    + SERVER + ".trusted-public-keys, or set " + property + " to none.");
        }
    }

    private static ClientAuthentication clientAuthentication(ClientAuth clientAuth) {
        return switch (clientAuth) {
            case NONE -> ClientAuthentication.NONE;
            case WANT -> ClientAuthentication.OPTIONAL;
            case NEED -> ClientAuthentication.REQUIRED;
        };
    }
}
