package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.IanaCode;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.trust.TrustStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What one connection may decide differently from its {@link TLSConfiguration}, which stays
 * validated and frozen: the names it uses, what JSSE lets each engine change (suites, groups,
 * schemes, ALPN, client authentication, packet size), and integration hooks that need the
 * connection (a JSSE trust manager, key manager or ALPN selector bound to its engine). An option
 * left unset ({@code null}) keeps the configuration's value. Immutable; build with {@link #builder()}.
 */
public final class ConnectionOptions {

    private static final ConnectionOptions NONE = builder().build();

    private final String serverName;
    private final String verificationHostname;
    private final TrustStore truststore;
    private final Function<List<String>, String> applicationProtocolSelector;
    private final int maxRecordPlaintext;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> keyExchanges;
    private final List<SignatureScheme> signatureAlgorithms;
    private final List<SignatureScheme> privateKeySignatureAlgorithms;
    private final List<String> alpn;
    private final ClientAuthentication clientAuthentication;
    private final SigningChainSelector signingChainSelector;
    private final ClientSessionCache sessionCache;
    private final String peerHost;
    private final int peerPort;
    private final String sessionScope;

    private ConnectionOptions(Builder builder) {
        this.serverName = builder.serverName;
        this.verificationHostname = builder.verificationHostname;
        this.truststore = builder.truststore;
        this.applicationProtocolSelector = builder.applicationProtocolSelector;
        this.maxRecordPlaintext = builder.maxRecordPlaintext;
        this.cipherSuites = builder.cipherSuites;
        this.keyExchanges = builder.keyExchanges;
        this.signatureAlgorithms = builder.signatureAlgorithms;
        this.privateKeySignatureAlgorithms = builder.privateKeySignatureAlgorithms;
        this.alpn = builder.alpn;
        this.clientAuthentication = builder.clientAuthentication;
        this.signingChainSelector = builder.signingChainSelector;
        this.sessionCache = builder.sessionCache;
        this.peerHost = builder.peerHost;
        this.peerPort = builder.peerPort;
        this.sessionScope = builder.sessionScope;
    }

    /** No override at all. */
    public static ConnectionOptions none() {
        return NONE;
    }

    /** The usual client options: {@code hostname} is both sent with SNI and checked against the certificate. */
    public static ConnectionOptions forHost(String hostname) {
        return builder().serverName(hostname).verificationHostname(hostname).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Client-side: the name sent with SNI (never an IP literal), or {@code null}. */
    public String serverName() {
        return serverName;
    }

    /** Client-side: the name (or IP literal) the server's certificate must hold, or {@code null} for no check. */
    public String verificationHostname() {
        return verificationHostname;
    }

    /** Replaces the configuration's trust store for this connection, or {@code null}. */
    public TrustStore truststore() {
        return truststore;
    }

    /**
     * Server-side: picks the application protocol from the client's offer instead of the
     * configuration's ALPN list, or {@code null}. It returns the protocol, {@code ""} for none, or
     * {@code null} to fail with no_application_protocol (the JSSE selector's contract).
     */
    public Function<List<String>, String> applicationProtocolSelector() {
        return applicationProtocolSelector;
    }

    /**
     * The largest plaintext this side puts in one record (a JSSE host's maximum packet size
     * minus the record overhead); the peer's own limits may lower it further. 2^14 by default.
     */
    public int maxRecordPlaintext() {
        return maxRecordPlaintext;
    }

    /** Replaces the configuration's cipher_suites for this connection, or {@code null}. */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** Replaces the configuration's key_exchanges (supported_groups, RFC 8446 §4.2.7), or {@code null}. */
    public List<NamedGroup> keyExchanges() {
        return keyExchanges;
    }

    /** Replaces the schemes accepted from the peer (signature_algorithms, RFC 8446 §4.2.3), or {@code null}. */
    public List<SignatureScheme> signatureAlgorithms() {
        return signatureAlgorithms;
    }

    /** Replaces the schemes this side may sign its CertificateVerify with, or {@code null}. */
    public List<SignatureScheme> privateKeySignatureAlgorithms() {
        return privateKeySignatureAlgorithms;
    }

    /** Replaces the configuration's ALPN protocols (RFC 7301), or {@code null}. */
    public List<String> alpn() {
        return alpn;
    }

    /** Server-side: replaces the configuration's client authentication, or {@code null}. */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /** Replaces how this side's chain is chosen (a JSSE key manager bound to its engine), or {@code null}. */
    public SigningChainSelector signingChainSelector() {
        return signingChainSelector;
    }

    /**
     * Client-side: where this connection looks for a session to resume and keeps the sessions the
     * server gives it (RFC 8446 §4.6.1), or {@code null}: no resumption.
     */
    public ClientSessionCache sessionCache() {
        return sessionCache;
    }

    /**
     * Client-side: the peer whose sessions this connection resumes and keeps, in its
     * {@link #sessionCache()}; {@code null} when there is no cache.
     */
    public SessionKey sessionKey(TLSConfiguration config) {
        return sessionCache == null ? null : new SessionKey(peerHost, peerPort, config, sessionScope);
    }

    /**
     * Checks these options against the configuration they are used with: each algorithm they
     * name must be supported by its crypto backend, and client authentication needs something to
     * verify clients with.
     *
     * @throws TLSConfigurationException naming the option at fault
     */
    public void checkAgainst(TLSConfiguration config) {
        CryptoProvider crypto = config.crypto();
        requireSupported(ConfigurationOption.CIPHER_SUITES, cipherSuites, crypto::supports, crypto);
        requireSupported(ConfigurationOption.KEY_EXCHANGES, keyExchanges, crypto::supports, crypto);
        requireSupported(ConfigurationOption.SIGNATURE_ALGORITHMS, signatureAlgorithms, crypto::supports, crypto);
        requireSupported(ConfigurationOption.PRIVATE_KEY_SIGNATURE_ALGORITHMS, privateKeySignatureAlgorithms,
                crypto::supports, crypto);
        if (clientAuthentication != null && config.side() == Side.CLIENT) {
            throw new TLSConfigurationException(ConfigurationOption.CLIENT_AUTHENTICATION, ConfigurationProblem.WRONG_SIDE,
                    "client_authentication is a server-side option");
        }
        if (clientAuthentication != null) {
            ConfigurationValidator.requireTrustForClients(clientAuthentication,
                    truststore != null || config.truststore() != null || !config.trustedPublicKeys().isEmpty());
        }
    }

    private static <T extends IanaCode> void requireSupported(ConfigurationOption option, List<T> values,
            Predicate<T> supported, CryptoProvider crypto) {
        if (values != null) {
            ConfigurationValidator.requireSupported(option, values, supported, crypto);
        }
    }

    /** Collects options; every one is optional. */
    public static final class Builder {
        private String serverName;
        private String verificationHostname;
        private TrustStore truststore;
        private Function<List<String>, String> applicationProtocolSelector;
        private int maxRecordPlaintext = 1 << 14;
        private List<CipherSuite> cipherSuites;
        private List<NamedGroup> keyExchanges;
        private List<SignatureScheme> signatureAlgorithms;
        private List<SignatureScheme> privateKeySignatureAlgorithms;
        private List<String> alpn;
        private ClientAuthentication clientAuthentication;
        private SigningChainSelector signingChainSelector;
        private ClientSessionCache sessionCache;
        private String peerHost;
        private int peerPort;
        private String sessionScope;

        private Builder() {
        }

        public Builder cipherSuites(List<CipherSuite> suites) {
            this.cipherSuites = ConfigurationValidator.distinctNonEmpty(ConfigurationOption.CIPHER_SUITES, suites);
            return this;
        }

        public Builder keyExchanges(List<NamedGroup> groups) {
            this.keyExchanges = ConfigurationValidator.distinctNonEmpty(ConfigurationOption.KEY_EXCHANGES, groups);
            return this;
        }

        /** Only schemes TLS 1.3 allows in CertificateVerify (RFC 8446 §4.2.3). */
        public Builder signatureAlgorithms(List<SignatureScheme> schemes) {
            ConfigurationValidator.requireAllowedInHandshake(ConfigurationOption.SIGNATURE_ALGORITHMS, schemes);
            this.signatureAlgorithms =
                    ConfigurationValidator.distinctNonEmpty(ConfigurationOption.SIGNATURE_ALGORITHMS, schemes);
            return this;
        }

        /** Only schemes TLS 1.3 allows in CertificateVerify (RFC 8446 §4.2.3). */
        public Builder privateKeySignatureAlgorithms(List<SignatureScheme> schemes) {
            ConfigurationValidator.requireAllowedInHandshake(ConfigurationOption.PRIVATE_KEY_SIGNATURE_ALGORITHMS,
                    schemes);
            this.privateKeySignatureAlgorithms =
                    ConfigurationValidator.distinctNonEmpty(ConfigurationOption.PRIVATE_KEY_SIGNATURE_ALGORITHMS, schemes);
            return this;
        }

        /** Protocols in preference order; an empty list offers or accepts none. */
        public Builder alpn(List<String> protocols) {
            ConfigurationValidator.validateAlpn(protocols);
            this.alpn = List.copyOf(protocols);
            return this;
        }

        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "client_authentication");
            return this;
        }

        public Builder signingChainSelector(SigningChainSelector selector) {
            this.signingChainSelector = selector;
            return this;
        }

        /**
         * Client-side: resumes a session of {@code cache} kept for the server at
         * {@code peerHost:peerPort} (with the same configuration), and keeps there the sessions
         * this connection receives.
         */
        public Builder sessionCache(ClientSessionCache cache, String peerHost, int peerPort) {
            this.sessionCache = Objects.requireNonNull(cache, "cache");
            this.peerHost = Objects.requireNonNull(peerHost, "peerHost");
            this.peerPort = peerPort;
            return this;
        }

        /**
         * Client-side: as {@link #sessionCache(ClientSessionCache, String, int)}, the sessions kept
         * apart by {@code scope} too (see {@link SessionKey}).
         */
        public Builder sessionCache(ClientSessionCache cache, String peerHost, int peerPort, String scope) {
            sessionCache(cache, peerHost, peerPort);
            this.sessionScope = scope;
            return this;
        }

        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        public Builder verificationHostname(String verificationHostname) {
            this.verificationHostname = verificationHostname;
            return this;
        }

        public Builder truststore(TrustStore truststore) {
            this.truststore = truststore;
            return this;
        }

        public Builder applicationProtocolSelector(Function<List<String>, String> selector) {
            this.applicationProtocolSelector = selector;
            return this;
        }

        /** See {@link ConnectionOptions#maxRecordPlaintext()}; 64 to 2^14 bytes. */
        public Builder maxRecordPlaintext(int bytes) {
            if (bytes < 64 || bytes > 1 << 14) {
                throw new IllegalArgumentException("max record plaintext " + bytes + " is outside 64.." + (1 << 14));
            }
            this.maxRecordPlaintext = bytes;
            return this;
        }

        public ConnectionOptions build() {
            return new ConnectionOptions(this);
        }
    }

    @Override
    public String toString() {
        return "ConnectionOptions{serverName=" + serverName + ", verificationHostname=" + verificationHostname
                + (truststore == null ? "" : ", truststore=" + truststore)
                + (applicationProtocolSelector == null ? "" : ", applicationProtocolSelector")
                + (cipherSuites == null ? "" : ", cipherSuites=" + cipherSuites)
                + (keyExchanges == null ? "" : ", keyExchanges=" + keyExchanges)
                + (signatureAlgorithms == null ? "" : ", signatureAlgorithms=" + signatureAlgorithms)
                + (privateKeySignatureAlgorithms == null ? ""
                        : ", privateKeySignatureAlgorithms=" + privateKeySignatureAlgorithms)
                + (alpn == null ? "" : ", alpn=" + alpn)
                + (clientAuthentication == null ? "" : ", clientAuthentication=" + clientAuthentication)
                + (signingChainSelector == null ? "" : ", signingChainSelector")
                + (sessionCache == null ? "" : ", sessionCache for " + peerHost + ":" + peerPort)
                + ", maxRecordPlaintext=" + maxRecordPlaintext + "}";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionOptions that && Objects.equals(serverName, that.serverName)
                && Objects.equals(verificationHostname, that.verificationHostname)
                && Objects.equals(truststore, that.truststore)
                && applicationProtocolSelector == that.applicationProtocolSelector
                && maxRecordPlaintext == that.maxRecordPlaintext
                && Objects.equals(cipherSuites, that.cipherSuites) && Objects.equals(keyExchanges, that.keyExchanges)
                && Objects.equals(signatureAlgorithms, that.signatureAlgorithms)
                && Objects.equals(privateKeySignatureAlgorithms, that.privateKeySignatureAlgorithms)
                && Objects.equals(alpn, that.alpn) && clientAuthentication == that.clientAuthentication
                && signingChainSelector == that.signingChainSelector
                && sessionCache == that.sessionCache && Objects.equals(peerHost, that.peerHost)
                && peerPort == that.peerPort && Objects.equals(sessionScope, that.sessionScope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverName, verificationHostname, truststore, cipherSuites, keyExchanges, alpn,
                clientAuthentication);
    }
}
