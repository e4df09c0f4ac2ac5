package io.siotls.handshake;

import io.siotls.ClientAuthentication;
import io.siotls.ClientSessionCache;
import io.siotls.ConnectionOptions;
import io.siotls.SessionKey;
import io.siotls.SigningChainSelector;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.trust.TrustStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The configuration as one connection applies it: each value a {@link ConnectionOptions} sets
 * replaces the {@link TLSConfiguration}'s, the others come from the configuration, which is
 * neither copied nor rebuilt. The handshake reads what the options may change only from here.
 */
public final class ConnectionPolicy {

    private final TLSConfiguration config;
    private final ConnectionOptions options;
    private final List<CertificateType> certificateTypes;
    private final List<CertificateType> peerCertificateTypes;

    /**
     * @throws io.siotls.alerts.TLSConfigurationException when an option does not fit the
     *         configuration (see {@link ConnectionOptions#checkAgainst})
     */
    public ConnectionPolicy(TLSConfiguration config, ConnectionOptions options) {
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        options.checkAgainst(config);
        this.certificateTypes = options.signingChainSelector() == null || config.certificateTypes()
                .contains(CertificateType.X509) ? config.certificateTypes() : withX509(config.certificateTypes());
        this.peerCertificateTypes = options.truststore() == null || config.peerCertificateTypes()
                .contains(CertificateType.X509) ? config.peerCertificateTypes() : withX509(config.peerCertificateTypes());
    }

    private static List<CertificateType> withX509(List<CertificateType> types) {
        List<CertificateType> all = new ArrayList<>(types.size() + 1);
        all.add(CertificateType.X509);
        all.addAll(types);
        return List.copyOf(all);
    }

    /** The frozen configuration, for everything a connection cannot change. */
    public TLSConfiguration config() {
        return config;
    }

    public ConnectionOptions options() {
        return options;
    }

    public List<CipherSuite> cipherSuites() {
        return options.cipherSuites() != null ? options.cipherSuites() : config.cipherSuites();
    }

    public List<NamedGroup> keyExchanges() {
        return options.keyExchanges() != null ? options.keyExchanges() : config.keyExchanges();
    }

    /** The schemes accepted from the peer, RFC 8446 §4.2.3. */
    public List<SignatureScheme> signatureAlgorithms() {
        return options.signatureAlgorithms() != null ? options.signatureAlgorithms() : config.signatureAlgorithms();
    }

    /** The schemes this side may sign with. */
    public List<SignatureScheme> privateKeySignatureAlgorithms() {
        return options.privateKeySignatureAlgorithms() != null
                ? options.privateKeySignatureAlgorithms() : config.privateKeySignatureAlgorithms();
    }

    public List<String> alpn() {
        return options.alpn() != null ? options.alpn() : config.alpn();
    }

    public ClientAuthentication clientAuthentication() {
        return options.clientAuthentication() != null ? options.clientAuthentication() : config.clientAuthentication();
    }

    public TrustStore truststore() {
        return options.truststore() != null ? options.truststore() : config.truststore();
    }

    public SigningChainSelector signingChainSelector() {
        return options.signingChainSelector() != null ? options.signingChainSelector() : config.signingChainSelector();
    }

    /** The certificate types this side can offer (RFC 7250), counting a per-connection selector. */
    public List<CertificateType> certificateTypes() {
        return certificateTypes;
    }

    /** The certificate types this side can verify (RFC 7250), counting a per-connection trust store. */
    public List<CertificateType> peerCertificateTypes() {
        return peerCertificateTypes;
    }

    /** Client-side: the name sent with SNI, or {@code null}. */
    public String serverName() {
        return options.serverName();
    }

    /** Client-side: the name the server's certificate must hold, or {@code null}. */
    public String verificationHostname() {
        return options.verificationHostname();
    }

    /** Client-side: the cache of resumable sessions, or {@code null}: this connection neither resumes nor keeps sessions. */
    public ClientSessionCache sessionCache() {
        return options.sessionCache();
    }

    /** Client-side: the peer this connection's sessions are filed under, or {@code null} without a cache. */
    public SessionKey sessionKey() {
        return options.sessionKey(config);
    }

    public Function<List<String>, String> applicationProtocolSelector() {
        return options.applicationProtocolSelector();
    }
}
