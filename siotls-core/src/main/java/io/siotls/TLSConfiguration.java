package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.crypto.CryptoProvider;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.MaxFragmentLength;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.keylog.KeyLog;
import io.siotls.pem.CertificateLoader;
import io.siotls.pem.PrivateKeyLoader;
import io.siotls.pem.PublicKeyLoader;
import io.siotls.tickets.EarlyDataReplayGuard;
import io.siotls.tickets.TicketKeys;
import io.siotls.trust.TrustStore;
import io.siotls.trust.TrustStores;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The immutable settings of one side of TLS 1.3 connections: the Java counterpart of siotls'
 * {@code TLSConfiguration}, compared by value (PEP 748). Build one with {@link #client()} or
 * {@link #server()}; {@link Builder#build()} validates it and fails with a message naming the
 * option at fault.
 *
 * <p>Unlike siotls, a client verifies the server against the JDK's default trust store unless it
 * is given another {@link Builder#truststore trust store} or {@link Builder#trustedPublicKeys
 * trusted public keys}; skipping verification takes the loudly named
 * {@link Builder#insecureNoPeerVerification()}, which logs a warning at build time and for every
 * connection.
 */
public final class TLSConfiguration {

    private static final System.Logger INSECURE = System.getLogger("io.siotls.insecure");

    /**
     * The default cipher suites, best first: siotls' three (Latacora's right answers) with AES-GCM
     * ahead of ChaCha20-Poly1305, where siotls puts ChaCha20 first. On the JVM AES-GCM runs on the
     * processor's AES and carry-less multiply instructions, measured 20 times faster than JDK 17's
     * ChaCha20-Poly1305 (see {@code docs/benchmarks.md}); SunJSSE, rustls and OpenSSL order them
     * the same way.
     */
    public static final List<CipherSuite> DEFAULT_CIPHER_SUITES = List.of(
            CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_AES_128_GCM_SHA256,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256);

    /** How many NewSessionTickets a server sends after each full handshake by default (RFC 8446 §4.6.1). */
    public static final int DEFAULT_SESSION_TICKETS = 2;

    /** The most NewSessionTickets a server may be told to send after one handshake. */
    public static final int MAX_SESSION_TICKETS = 16;

    /** How long a server's ticket may be resumed by default. */
    public static final Duration DEFAULT_SESSION_TICKET_LIFETIME = Duration.ofHours(2);

    /** The longest ticket_lifetime RFC 8446 §4.6.1 allows: 7 days. */
    public static final Duration MAX_SESSION_TICKET_LIFETIME = Duration.ofDays(7);

    /** The largest max_early_data_size a server may announce (RFC 8446 §4.2.10): 1 MiB. */
    public static final int MAX_EARLY_DATA = 1 << 20;

    /** How long a ticket used with early data is recorded: twice the ticket age window (RFC 8446 §8.3). */
    private static final Duration EARLY_DATA_REPLAY_RETENTION = Duration.ofSeconds(20);

    /**
     * siotls' default key exchanges, best first: the post-quantum hybrid X25519MLKEM768
     * (draft-ietf-tls-ecdhe-mlkem) ahead of x25519 and secp256r1. A client shares both
     * X25519MLKEM768 and x25519 in its first ClientHello, so that a server without ML-KEM needs
     * no HelloRetryRequest; that costs 1,216 bytes more in the ClientHello, and 1,120 in a
     * ServerHello choosing the hybrid.
     */
    public static final List<NamedGroup> DEFAULT_KEY_EXCHANGES =
            List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1);

    /** siotls' default signature algorithms accepted from the peer. */
    public static final List<SignatureScheme> DEFAULT_SIGNATURE_ALGORITHMS = List.of(
            SignatureScheme.ED25519,
            SignatureScheme.ECDSA_SECP256R1_SHA256,
            SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.ECDSA_SECP521R1_SHA512,
            SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA384,
            SignatureScheme.RSA_PSS_RSAE_SHA512);

    /** siotls' default signature algorithms our own private key may sign with, best first. */
    public static final List<SignatureScheme> DEFAULT_PRIVATE_KEY_SIGNATURE_ALGORITHMS = List.of(
            SignatureScheme.ECDSA_SECP256R1_SHA256,
            SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.ECDSA_SECP521R1_SHA512,
            SignatureScheme.ED25519,
            SignatureScheme.ED448,
            SignatureScheme.RSA_PSS_PSS_SHA256,
            SignatureScheme.RSA_PSS_PSS_SHA384,
            SignatureScheme.RSA_PSS_PSS_SHA512,
            SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA384,
            SignatureScheme.RSA_PSS_RSAE_SHA512);

    private final Side side;
    private final List<CipherSuite> cipherSuites;
    private final List<NamedGroup> keyExchanges;
    private final List<SignatureScheme> signatureAlgorithms;
    private final TrustStore truststore;
    private final List<PublicKey> trustedPublicKeys;
    private final PrivateKey privateKey;
    private final List<SignatureScheme> privateKeySignatureAlgorithms;
    private final PublicKey publicKey;
    private final List<X509Certificate> certificateChain;
    private final List<SigningChain> signingChains;
    private final ClientAuthentication clientAuthentication;
    private final SigningChainSelector signingChainSelector;
    private final byte[] ocspResponse;
    private final boolean requestOcspStapling;
    private final MaxFragmentLength maxFragmentLength;
    private final Limits limits;
    private final List<String> alpn;
    private final boolean logKeys;
    private final Path keyLogFile;
    private final boolean insecureNoPeerVerification;
    private final boolean sendCertificateAuthorities;
    private final boolean helloRetryCookie;
    private final boolean alwaysSendSupportedGroups;
    private final CryptoProvider crypto;
    private final List<CertificateType> certificateTypes;
    private final List<CertificateType> peerCertificateTypes;
    private final int sessionTickets;
    private final Duration sessionTicketLifetime;
    private final TicketKeys sessionTicketKeys;
    private final boolean sessionTicketKeysGiven;
    private final List<ExternalPsk> externalPsks;
    private final boolean pskKeWithoutForwardSecrecy;
    private final int maxEarlyData;
    private final EarlyDataReplayGuard earlyDataReplayGuard;

    private TLSConfiguration(Builder builder, TrustStore truststore, TicketKeys ticketKeys,
            EarlyDataReplayGuard earlyDataReplayGuard) {
        this.side = builder.side;
        this.crypto = builder.crypto;
        this.cipherSuites = List.copyOf(builder.cipherSuites);
        this.keyExchanges = List.copyOf(builder.keyExchanges);
        this.signatureAlgorithms = List.copyOf(builder.signatureAlgorithms);
        this.truststore = truststore;
        this.trustedPublicKeys = List.copyOf(builder.trustedPublicKeys);
        this.privateKey = builder.privateKey;
        this.privateKeySignatureAlgorithms = List.copyOf(builder.privateKeySignatureAlgorithms);
        this.publicKey = builder.publicKey;
        this.certificateChain = List.copyOf(builder.certificateChain);
        this.signingChains = builder.allSigningChains();
        this.clientAuthentication = builder.effectiveClientAuthentication();
        this.signingChainSelector = builder.signingChainSelector;
        this.ocspResponse = builder.ocspResponse == null ? null : builder.ocspResponse.clone();
        this.requestOcspStapling = builder.requestOcspStapling;
        this.maxFragmentLength = builder.maxFragmentLength;
        this.limits = builder.limits;
        this.alpn = List.copyOf(builder.alpn);
        this.logKeys = builder.logKeys;
        this.keyLogFile = builder.keyLogFile;
        this.insecureNoPeerVerification = builder.insecureNoPeerVerification;
        this.sendCertificateAuthorities = builder.sendCertificateAuthorities;
        this.helloRetryCookie = builder.helloRetryCookie;
        this.alwaysSendSupportedGroups = builder.alwaysSendSupportedGroups;
        this.certificateTypes = offeredCertificateTypes();
        this.peerCertificateTypes = acceptedCertificateTypes();
        this.sessionTickets = side == Side.SERVER ? builder.sessionTickets : 0;
        this.sessionTicketLifetime = builder.sessionTicketLifetime;
        this.sessionTicketKeys = ticketKeys;
        this.sessionTicketKeysGiven = builder.sessionTicketKeys != null;
        this.externalPsks = List.copyOf(builder.externalPsks);
        this.pskKeWithoutForwardSecrecy = builder.pskKeWithoutForwardSecrecy;
        this.maxEarlyData = builder.maxEarlyData;
        this.earlyDataReplayGuard = earlyDataReplayGuard;
    }

    /** A builder of client-side configurations. */
    public static Builder client() {
        return new Builder(Side.CLIENT);
    }

    /**
     * A builder of server-side configurations; a private key and a certificate chain (or a raw
     * public key) are mandatory, unless the server authenticates with {@link Builder#externalPsks external PSKs} only.
     */
    public static Builder server() {
        return new Builder(Side.SERVER);
    }

    /** A builder for {@code side}. */
    public static Builder builder(Side side) {
        return new Builder(Objects.requireNonNull(side, "side"));
    }

    /** A builder holding every setting of this configuration. */
    public Builder toBuilder() {
        Builder builder = new Builder(side);
        builder.crypto = crypto;
        builder.cipherSuites = cipherSuites;
        builder.keyExchanges = keyExchanges;
        builder.signatureAlgorithms = signatureAlgorithms;
        builder.truststore = truststore;
        builder.trustedPublicKeys = trustedPublicKeys;
        builder.privateKey = privateKey;
        builder.privateKeySignatureAlgorithms = privateKeySignatureAlgorithms;
        builder.publicKey = publicKey;
        builder.certificateChain = certificateChain;
        builder.extraSigningChains = signingChains.stream()
                .filter(chain -> !(chain.chain().equals(certificateChain) && chain.privateKey() == privateKey)).toList();
        builder.clientAuthentication = side == Side.SERVER ? clientAuthentication : null;
        builder.signingChainSelector = signingChainSelector;
        builder.ocspResponse = ocspResponse;
        builder.requestOcspStapling = requestOcspStapling;
        builder.maxFragmentLength = maxFragmentLength;
        builder.limits = limits;
        builder.alpn = alpn;
        builder.logKeys = logKeys;
        builder.keyLogFile = keyLogFile;
        builder.insecureNoPeerVerification = insecureNoPeerVerification;
        builder.sendCertificateAuthorities = sendCertificateAuthorities;
        builder.helloRetryCookie = helloRetryCookie;
        builder.alwaysSendSupportedGroups = alwaysSendSupportedGroups;
        builder.externalPsks = externalPsks;
        builder.pskKeWithoutForwardSecrecy = pskKeWithoutForwardSecrecy;
        if (side == Side.SERVER) {
            builder.sessionTickets = sessionTickets;
            builder.sessionTicketLifetime = sessionTicketLifetime;
            if (sessionTicketKeysGiven) {
                builder.sessionTicketKeys = sessionTicketKeys;
            } else {
                builder.inheritedTicketKeys = sessionTicketKeys;
            }
            builder.maxEarlyData = maxEarlyData;
            builder.inheritedReplayGuard = earlyDataReplayGuard;
        }
        return builder;
    }

    public Side side() {
        return side;
    }

    /** The side of the peer. */
    public Side otherSide() {
        return side.other();
    }

    /** Cipher suites, in decreasing preference order (the server's order decides). */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** Key exchange groups, in decreasing preference order (the server's order decides). */
    public List<NamedGroup> keyExchanges() {
        return keyExchanges;
    }

    /** Signature schemes the peer may authenticate itself with. */
    public List<SignatureScheme> signatureAlgorithms() {
        return signatureAlgorithms;
    }

    /** The trust store verifying the peer's certificates, or {@code null}. */
    public TrustStore truststore() {
        return truststore;
    }

    /** Raw public keys the peer may authenticate with (RFC 7250). */
    public List<PublicKey> trustedPublicKeys() {
        return trustedPublicKeys;
    }

    /** This side's private key, or {@code null}. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The schemes {@link #privateKey()} may sign with, in decreasing preference order. */
    public List<SignatureScheme> privateKeySignatureAlgorithms() {
        return privateKeySignatureAlgorithms;
    }

    /** This side's raw public key (RFC 7250), or {@code null}. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** This side's certificate chain, end-entity first; empty when there is none. */
    public List<X509Certificate> certificateChain() {
        return certificateChain;
    }

    /**
     * Every chain this side can authenticate with, best first: the one made of
     * {@link #certificateChain()} and {@link #privateKey()}, then those added with
     * {@link Builder#signingChain(SigningChain)}.
     */
    public List<SigningChain> signingChains() {
        return signingChains;
    }

    /**
     * The hook that chooses, per handshake, the chain to present instead of picking among
     * {@link #signingChains()} (a JSSE key manager, say), or {@code null}.
     */
    public SigningChainSelector signingChainSelector() {
        return signingChainSelector;
    }

    /** Server-side: whether clients are asked for a certificate; {@link ClientAuthentication#NONE} client-side. */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /** Server-side: the DER OCSP response stapled to the end-entity certificate (RFC 8446 §4.4.2.1), or null. */
    public byte[] ocspResponse() {
        return ocspResponse == null ? null : ocspResponse.clone();
    }

    /** Client-side: whether the server is asked to staple an OCSP response (status_request, RFC 6066 §8). */
    public boolean requestOcspStapling() {
        return requestOcspStapling;
    }

    /** The record size limit this side asks the peer for (RFC 6066 §4). */
    public MaxFragmentLength maxFragmentLength() {
        return maxFragmentLength;
    }

    /** What a peer may make a connection hold or repeat before it ends with an alert. */
    public Limits limits() {
        return limits;
    }

    /** Application protocols (RFC 7301), in decreasing preference order server-side. */
    public List<String> alpn() {
        return alpn;
    }

    /** Whether traffic secrets are written to the key log (NSS key log format). */
    public boolean logKeys() {
        return logKeys;
    }

    /** The file key log lines are appended to, or {@code null} for the {@code io.siotls.keylog} logger. */
    public Path keyLogFile() {
        return keyLogFile;
    }

    /** Whether this client was explicitly told to skip authenticating the server. */
    public boolean insecureNoPeerVerification() {
        return insecureNoPeerVerification;
    }

    /** The crypto backend. */
    /**
     * Server-side: whether a CertificateRequest names the trust anchors (certificate_authorities,
     * RFC 8446 §4.2.4), so that a client holding several certificates can pick one.
     */
    public boolean sendCertificateAuthorities() {
        return sendCertificateAuthorities;
    }

    /** Server-side: whether a HelloRetryRequest carries a cookie the client must echo (RFC 8446 §4.2.2). */
    public boolean helloRetryCookie() {
        return helloRetryCookie;
    }

    /**
     * Server-side: whether every EncryptedExtensions lists this server's groups, rather than only
     * when the group used is not its first choice (RFC 8446 §4.2.7).
     */
    public boolean alwaysSendSupportedGroups() {
        return alwaysSendSupportedGroups;
    }

    public CryptoProvider crypto() {
        return crypto;
    }

    /**
     * Server-side: how many NewSessionTickets are sent after each full handshake (RFC 8446
     * §4.6.1), one after a resumed one; 0 when sessions are not resumed; always 0 client-side.
     */
    public int sessionTickets() {
        return sessionTickets;
    }

    /** Server-side: how long a ticket may be resumed (its ticket_lifetime). */
    public Duration sessionTicketLifetime() {
        return sessionTicketLifetime;
    }

    /**
     * Server-side: the keys sealing and opening this configuration's tickets, shared by every
     * connection made with it (and by a configuration made from its {@link #toBuilder()}); {@code
     * null} client-side or when no tickets are sent.
     */
    public TicketKeys sessionTicketKeys() {
        return sessionTicketKeys;
    }

    /**
     * The external PSKs (RFC 8446 §4.2.11): those a server accepts, or the one a client offers;
     * empty when none.
     */
    public List<ExternalPsk> externalPsks() {
        return externalPsks;
    }

    /** The external PSK of {@code identity}, or {@code null}. */
    public ExternalPsk externalPsk(byte[] identity) {
        for (ExternalPsk psk : externalPsks) {
            if (psk.hasIdentity(identity)) {
                return psk;
            }
        }
        return null;
    }

    /**
     * Whether psk_ke, a PSK handshake without (EC)DHE and so without forward secrecy, is
     * accepted (server) or offered (client) beside psk_dhe_ke (RFC 8446 §4.2.9); off by default.
     */
    public boolean pskKeWithoutForwardSecrecy() {
        return pskKeWithoutForwardSecrecy;
    }

    /**
     * Server-side: the max_early_data_size its tickets announce (RFC 8446 §4.2.10); 0, the
     * default, when this server accepts no 0-RTT data. Only {@link io.siotls.connection.TLSConnection}
     * reads early data: JSSE has no API for it, so SSLEngine connections never accept any.
     */
    public int maxEarlyData() {
        return maxEarlyData;
    }

    /**
     * Server-side: the strike register that lets each ticket's early data in once (RFC 8446 §8),
     * shared by every connection of this configuration and of one made from its
     * {@link #toBuilder()}; {@code null} when {@link #maxEarlyData()} is 0.
     */
    public EarlyDataReplayGuard earlyDataReplayGuard() {
        return earlyDataReplayGuard;
    }

    /**
     * Whether the peer must authenticate: true when a trust store or trusted public keys are
     * set. Server-side, it makes the server request a client certificate.
     */
    public boolean requirePeerAuthentication() {
        return truststore != null || !trustedPublicKeys.isEmpty();
    }

    /** The certificate types this side can offer (RFC 7250). */
    public List<CertificateType> certificateTypes() {
        return certificateTypes;
    }

    /** The certificate types this side can process when the peer offers them (RFC 7250). */
    public List<CertificateType> peerCertificateTypes() {
        return peerCertificateTypes;
    }

    private List<CertificateType> offeredCertificateTypes() {
        List<CertificateType> types = new ArrayList<>(2);
        if (!signingChains.isEmpty() || signingChainSelector != null) {
            types.add(CertificateType.X509);
        }
        if (publicKey != null) {
            types.add(CertificateType.RAW_PUBLIC_KEY);
        }
        return List.copyOf(types);
    }

    private List<CertificateType> acceptedCertificateTypes() {
        List<CertificateType> types = new ArrayList<>(2);
        if (truststore != null || trustedPublicKeys.isEmpty()) {
            types.add(CertificateType.X509);
        }
        if (!trustedPublicKeys.isEmpty()) {
            types.add(CertificateType.RAW_PUBLIC_KEY);
        }
        return List.copyOf(types);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TLSConfiguration that)) {
            return false;
        }
        return side == that.side
                && logKeys == that.logKeys
                && Objects.equals(keyLogFile, that.keyLogFile)
                && insecureNoPeerVerification == that.insecureNoPeerVerification
                && sendCertificateAuthorities == that.sendCertificateAuthorities
                && helloRetryCookie == that.helloRetryCookie
                && alwaysSendSupportedGroups == that.alwaysSendSupportedGroups
                && sessionTickets == that.sessionTickets
                && sessionTicketLifetime.equals(that.sessionTicketLifetime)
                && sessionTicketKeysGiven == that.sessionTicketKeysGiven
                && maxEarlyData == that.maxEarlyData
                && (!sessionTicketKeysGiven || sessionTicketKeys == that.sessionTicketKeys)
                && externalPsks.equals(that.externalPsks)
                && pskKeWithoutForwardSecrecy == that.pskKeWithoutForwardSecrecy
                && crypto == that.crypto
                && cipherSuites.equals(that.cipherSuites)
                && keyExchanges.equals(that.keyExchanges)
                && signatureAlgorithms.equals(that.signatureAlgorithms)
                && Objects.equals(truststore, that.truststore)
                && KeyEquality.sameKeys(trustedPublicKeys, that.trustedPublicKeys)
                && KeyEquality.sameKey(privateKey, that.privateKey)
                && privateKeySignatureAlgorithms.equals(that.privateKeySignatureAlgorithms)
                && KeyEquality.sameKey(publicKey, that.publicKey)
                && certificateChain.equals(that.certificateChain)
                && signingChains.equals(that.signingChains)
                && clientAuthentication == that.clientAuthentication
                && signingChainSelector == that.signingChainSelector
                && Arrays.equals(ocspResponse, that.ocspResponse)
                && requestOcspStapling == that.requestOcspStapling
                && maxFragmentLength == that.maxFragmentLength
                && limits.equals(that.limits)
                && alpn.equals(that.alpn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(side, cipherSuites, keyExchanges, signatureAlgorithms, truststore,
                KeyEquality.hash(trustedPublicKeys), KeyEquality.hash(privateKey), privateKeySignatureAlgorithms,
                KeyEquality.hash(publicKey), certificateChain, signingChains, clientAuthentication,
                Arrays.hashCode(ocspResponse), requestOcspStapling, maxFragmentLength, limits, alpn, logKeys,
                keyLogFile, insecureNoPeerVerification, sendCertificateAuthorities, helloRetryCookie,
                alwaysSendSupportedGroups, sessionTickets, sessionTicketLifetime, maxEarlyData, externalPsks,
                pskKeWithoutForwardSecrecy);
    }

    /** A summary that never shows key material. */
    @Override
    public String toString() {
        return "TLSConfiguration{side=" + side
                + ", cipherSuites=" + cipherSuites
                + ", keyExchanges=" + keyExchanges
                + ", signatureAlgorithms=" + signatureAlgorithms
                + ", truststore=" + truststore
                + ", trustedPublicKeys=" + trustedPublicKeys.size()
                + ", privateKey=" + (privateKey == null ? "none" : privateKey.getAlgorithm() + " (hidden)")
                + ", certificateChain=" + certificateChain.stream()
                        .map(c -> c.getSubjectX500Principal().getName()).toList()
                + (signingChains.size() > 1 ? ", signingChains=" + signingChains : "")
                + (side == Side.SERVER ? ", clientAuthentication=" + clientAuthentication : "")
                + (side == Side.SERVER && !sendCertificateAuthorities ? ", sendCertificateAuthorities=false" : "")
                + (side == Side.SERVER && helloRetryCookie ? ", helloRetryCookie=true" : "")
                + (side == Side.SERVER && alwaysSendSupportedGroups ? ", alwaysSendSupportedGroups=true" : "")
                + (side == Side.SERVER ? ", sessionTickets=" + sessionTickets
                        + (sessionTickets == 0 ? "" : " for " + sessionTicketLifetime + ", " + sessionTicketKeys) : "")
                + (externalPsks.isEmpty() ? "" : ", externalPsks=" + externalPsks)
                + (pskKeWithoutForwardSecrecy ? ", INSECURE: psk_ke without forward secrecy" : "")
                + (maxEarlyData > 0 ? ", maxEarlyData=" + maxEarlyData : "")
                + ", publicKey=" + (publicKey == null ? "none" : publicKey.getAlgorithm())
                + ", maxFragmentLength=" + maxFragmentLength.octets()
                + (limits.equals(Limits.DEFAULTS) ? "" : ", limits=" + limits)
                + ", alpn=" + alpn
                + ", logKeys=" + logKeys + (keyLogFile == null ? "" : " to " + keyLogFile)
                + (insecureNoPeerVerification ? ", INSECURE: no peer verification" : "")
                + "}";
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final Side side;
        private CryptoProvider crypto = CryptoProvider.getDefault();
        private List<CipherSuite> cipherSuites;
        private List<NamedGroup> keyExchanges;
        private List<SignatureScheme> signatureAlgorithms;
        private TrustStore truststore;
        private List<PublicKey> trustedPublicKeys = List.of();
        private PrivateKey privateKey;
        private List<SignatureScheme> privateKeySignatureAlgorithms = DEFAULT_PRIVATE_KEY_SIGNATURE_ALGORITHMS;
        private PublicKey publicKey;
        private List<X509Certificate> certificateChain = List.of();
        private List<SigningChain> extraSigningChains = List.of();
        private ClientAuthentication clientAuthentication;
        private SigningChainSelector signingChainSelector;
        private byte[] ocspResponse;
        private boolean requestOcspStapling;
        private MaxFragmentLength maxFragmentLength = MaxFragmentLength.MAX_16384;
        private Limits limits = Limits.DEFAULTS;
        private List<String> alpn = List.of();
        private boolean logKeys;
        private Path keyLogFile;
        private boolean insecureNoPeerVerification;
        private boolean sendCertificateAuthorities = true;
        private boolean helloRetryCookie;
        private boolean alwaysSendSupportedGroups;
        private int sessionTickets = DEFAULT_SESSION_TICKETS;
        private Duration sessionTicketLifetime = DEFAULT_SESSION_TICKET_LIFETIME;
        private TicketKeys sessionTicketKeys;
        /** The keys a configuration made for itself, kept by the one {@link #toBuilder()} makes. */
        private TicketKeys inheritedTicketKeys;
        private boolean sessionTicketsSet;
        private List<ExternalPsk> externalPsks = List.of();
        private boolean pskKeWithoutForwardSecrecy;
        private int maxEarlyData;
        /** The register of the configuration whose {@link #toBuilder()} made this builder. */
        private EarlyDataReplayGuard inheritedReplayGuard;

        private Builder(Side side) {
            this.side = side;
        }

        /** The crypto backend (default: {@link CryptoProvider#getDefault()}). */
        public Builder crypto(CryptoProvider crypto) {
            this.crypto = Objects.requireNonNull(crypto, "crypto");
            return this;
        }

        public Builder cipherSuites(CipherSuite... suites) {
            return cipherSuites(Arrays.asList(suites));
        }

        public Builder cipherSuites(List<CipherSuite> suites) {
            this.cipherSuites = copy(suites, ConfigurationOption.CIPHER_SUITES);
            return this;
        }

        public Builder keyExchanges(NamedGroup... groups) {
            return keyExchanges(Arrays.asList(groups));
        }

        public Builder keyExchanges(List<NamedGroup> groups) {
            this.keyExchanges = copy(groups, ConfigurationOption.KEY_EXCHANGES);
            return this;
        }

        public Builder signatureAlgorithms(SignatureScheme... schemes) {
            return signatureAlgorithms(Arrays.asList(schemes));
        }

        public Builder signatureAlgorithms(List<SignatureScheme> schemes) {
            this.signatureAlgorithms = copy(schemes, ConfigurationOption.SIGNATURE_ALGORITHMS);
            return this;
        }

        /** The trust store the peer's certificate chain is verified against. */
        public Builder truststore(TrustStore truststore) {
            this.truststore = Objects.requireNonNull(truststore,
                    "truststore must not be null; use insecureNoPeerVerification() to skip verification");
            this.insecureNoPeerVerification = false;
            return this;
        }

        /**
         * Trusts the CA certificates of a PEM bundle.
         *
         * @throws TLSConfigurationException naming the file and the problem
         */
        public Builder truststore(Path pemBundle) {
            return truststore(TrustStores.fromPem(pemBundle));
        }

        /**
         * Raw public keys (RFC 7250) the peer may authenticate with. Without a trust store too,
         * the peer must authenticate with one of them; X.509 certificates are refused.
         */
        public Builder trustedPublicKeys(Collection<? extends PublicKey> keys) {
            this.trustedPublicKeys = copy(keys, ConfigurationOption.TRUSTED_PUBLIC_KEYS);
            return this;
        }

        /** Trusts the raw public keys of PEM or DER SubjectPublicKeyInfo files. */
        public Builder trustedPublicKeys(Path... files) {
            List<PublicKey> keys = new ArrayList<>();
            for (Path file : files) {
                keys.add(PublicKeyLoader.loadPublicKey(file, ConfigurationOption.TRUSTED_PUBLIC_KEYS));
            }
            return trustedPublicKeys(keys);
        }

        public Builder privateKey(PrivateKey privateKey) {
            this.privateKey = privateKey;
            return this;
        }

        /**
         * Loads the private key from a PEM or DER file (PKCS#8, encrypted PKCS#8, SEC1, PKCS#1).
         *
         * @param password for an encrypted key, else {@code null}
         * @throws TLSConfigurationException naming the file and the problem
         */
        public Builder privateKey(Path file, char[] password) {
            return privateKey(PrivateKeyLoader.loadPrivateKey(file, password));
        }

        public Builder privateKeySignatureAlgorithms(SignatureScheme... schemes) {
            return privateKeySignatureAlgorithms(Arrays.asList(schemes));
        }

        public Builder privateKeySignatureAlgorithms(List<SignatureScheme> schemes) {
            this.privateKeySignatureAlgorithms = copy(schemes, ConfigurationOption.PRIVATE_KEY_SIGNATURE_ALGORITHMS);
            return this;
        }

        /**
         * This side's raw public key (RFC 7250), the counterpart of {@link #privateKey}: with it,
         * this side can authenticate without a certificate when the peer agrees to.
         */
        public Builder publicKey(PublicKey publicKey) {
            this.publicKey = publicKey;
            return this;
        }

        /** Loads this side's raw public key from a PEM ({@code PUBLIC KEY}) or DER SubjectPublicKeyInfo file. */
        public Builder publicKey(Path file) {
            return publicKey(PublicKeyLoader.loadPublicKey(file));
        }

        public Builder certificateChain(X509Certificate... chain) {
            return certificateChain(Arrays.asList(chain));
        }

        public Builder certificateChain(List<X509Certificate> chain) {
            this.certificateChain = copy(chain, ConfigurationOption.CERTIFICATE_CHAIN);
            return this;
        }

        /**
         * Loads the certificate chain from a PEM file (end-entity first) or a DER certificate.
         *
         * @throws TLSConfigurationException naming the file and the problem
         */
        public Builder certificateChain(Path file) {
            return certificateChain(CertificateLoader.loadCertificates(file));
        }

        /**
         * One more chain to authenticate with. A server picks, per connection, the first chain
         * whose end-entity names the SNI host (exactly, then by wildcard), else the first chain,
         * among those whose key can sign with a scheme the client accepts; a client picks the
         * first chain issued by an authority the server names.
         */
        public Builder signingChain(SigningChain chain) {
            List<SigningChain> chains = new ArrayList<>(extraSigningChains);
            chains.add(Objects.requireNonNull(chain, "signing chain"));
            this.extraSigningChains = List.copyOf(chains);
            return this;
        }

        /**
         * A hook choosing the chain per handshake (from the SNI name, the peer's signature
         * schemes and authorities), for credentials kept elsewhere such as a JSSE key manager.
         * It replaces the choice among the signing chains.
         */
        public Builder signingChainSelector(SigningChainSelector selector) {
            this.signingChainSelector = selector;
            return this;
        }

        /** Server-side: whether to ask clients for a certificate; defaults to REQUIRED with trust material. */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            this.clientAuthentication = Objects.requireNonNull(clientAuthentication, "client_authentication");
            return this;
        }

        /** Server-side: a DER OCSP response to staple when the client asks (RFC 8446 §4.4.2.1). */
        public Builder ocspResponse(byte[] ocspResponse) {
            this.ocspResponse = ocspResponse == null ? null : ocspResponse.clone();
            return this;
        }

        /**
         * Server-side: whether a CertificateRequest names the trust anchors' subjects
         * (certificate_authorities, RFC 8446 §4.2.4) so that a client holding several
         * certificates can pick the one this server accepts. On by default; the names are left
         * out anyway when they exceed 8 KiB (a system trust store). Turn it off to keep the
         * accepted authorities to yourself or the CertificateRequest small.
         */
        public Builder sendCertificateAuthorities(boolean sendCertificateAuthorities) {
            this.sendCertificateAuthorities = sendCertificateAuthorities;
            return this;
        }

        /**
         * Server-side: whether a HelloRetryRequest carries a cookie that the second ClientHello
         * must echo (RFC 8446 §4.2.2). Off by default: this server keeps the first ClientHello
         * itself (a stateful retry), so a cookie would tell it nothing; it exists for replaying
         * traces that have one (RFC 8448 §5).
         */
        public Builder helloRetryCookie(boolean helloRetryCookie) {
            this.helloRetryCookie = helloRetryCookie;
            return this;
        }

        /**
         * Server-side: whether every EncryptedExtensions lists this server's groups
         * (supported_groups, RFC 8446 §4.2.7). Off by default: they are listed only when the
         * group used is not this server's first choice, the one case where the list tells the
         * client something (which share to send next time), as OpenSSL does. On: every
         * handshake carries it, as GnuTLS does and RFC 8448's traces show.
         */
        public Builder alwaysSendSupportedGroups(boolean alwaysSendSupportedGroups) {
            this.alwaysSendSupportedGroups = alwaysSendSupportedGroups;
            return this;
        }

        /**
         * Server-side: how many NewSessionTickets to send after each full handshake (RFC 8446
         * §4.6.1), from 0 (no resumption) to {@value #MAX_SESSION_TICKETS};
         * {@value #DEFAULT_SESSION_TICKETS} by default, one per connection a client may open in
         * parallel. A resumed handshake sends one, replacing the ticket it used, as OpenSSL does. Tickets are stateless: the session is sealed in them by the
         * {@link #sessionTicketKeys session ticket keys}.
         *
         * @throws InvalidConfigurationException {@code session_tickets}, OUT_OF_RANGE
         */
        public Builder sessionTickets(int count) {
            if (count < 0 || count > MAX_SESSION_TICKETS) {
                throw new InvalidConfigurationException(side, ConfigurationOption.SESSION_TICKETS,
                        ConfigurationProblem.OUT_OF_RANGE, "session_tickets must be within [0, "
                        + MAX_SESSION_TICKETS + "], got " + count);
            }
            this.sessionTickets = count;
            this.sessionTicketsSet = true;
            return this;
        }

        /**
         * Server-side: how long a ticket may be resumed, from 1 second to 7 days (RFC 8446
         * §4.6.1's maximum), 2 hours by default. However often a session is resumed, it is not
         * resumed more than 7 days after the handshake in which the client last authenticated.
         *
         * @throws InvalidConfigurationException {@code session_ticket_lifetime}, OUT_OF_RANGE
         */
        public Builder sessionTicketLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(1)) < 0
                    || lifetime.compareTo(MAX_SESSION_TICKET_LIFETIME) > 0) {
                throw new InvalidConfigurationException(side, ConfigurationOption.SESSION_TICKET_LIFETIME,
                        ConfigurationProblem.OUT_OF_RANGE, "session_ticket_lifetime must be within [PT1S, P7D]"
                        + " (RFC 8446 §4.6.1), got " + lifetime);
            }
            this.sessionTicketLifetime = lifetime;
            this.sessionTicketsSet = true;
            return this;
        }

        /**
         * Server-side: the keys sealing the tickets. By default each configuration makes its own
         * {@link TicketKeys#random()} keys, rotated hourly, shared by all its connections; give
         * the same {@link TicketKeys#of fixed keys} to servers that must resume each other's
         * sessions.
         */
        public Builder sessionTicketKeys(TicketKeys keys) {
            if (keys == null) {
                throw new InvalidConfigurationException(side, ConfigurationOption.SESSION_TICKET_KEYS,
                        ConfigurationProblem.NULL, "session_ticket_keys must not be null");
            }
            this.sessionTicketKeys = keys;
            this.sessionTicketsSet = true;
            return this;
        }

        /**
         * External PSKs, RFC 8446 §2.2 and §4.2.11. A server accepts any of them (a server with
         * external PSKs needs no certificate: a client offering none of them then gets
         * handshake_failure); a client offers its one PSK, and falls back to a full handshake,
         * authenticating the server's certificate, when the server does not select it. A handshake
         * authenticated by an external PSK sends no certificate, and is followed by no session
         * ticket: every connection proves the PSK. It uses psk_dhe_ke, unless
         * {@link #pskKeWithoutForwardSecrecy} allows psk_ke. The PSK authenticates the client too:
         * a server does not ask it for a certificate then, whatever its client authentication
         * (RFC 8446 §4.3.2); {@code externalPskIdentity()} names it instead.
         *
         * @throws InvalidConfigurationException {@code external_psks}: NULL; DUPLICATE identities
         *         (at build); a client with more than one (OUT_OF_RANGE, at build); a hash no
         *         enabled cipher suite has (UNSUPPORTED, at build)
         */
        public Builder externalPsks(ExternalPsk... psks) {
            return externalPsks(psks == null ? null : Arrays.asList(psks));
        }

        /** As {@link #externalPsks(ExternalPsk...)}. */
        public Builder externalPsks(List<ExternalPsk> psks) {
            this.externalPsks = copy(psks, ConfigurationOption.EXTERNAL_PSKS);
            return this;
        }

        /**
         * INSECURE for past traffic: allows psk_ke (RFC 8446 §4.2.9), a PSK handshake, resumed or
         * with an external PSK, without an (EC)DHE exchange. Such a connection has no forward
         * secrecy: whoever later learns the PSK (a server's ticket key, an external key) decrypts
         * every recorded connection made with it. A server with it on still chooses psk_dhe_ke
         * whenever the client offers it with a usable key share; a client with it on offers both
         * modes. A warning is logged each time such a configuration is built. Off by default.
         */
        public Builder pskKeWithoutForwardSecrecy(boolean allow) {
            this.pskKeWithoutForwardSecrecy = allow;
            return this;
        }

        /**
         * Server-side: accept up to {@code bytes} of 0-RTT data from clients resuming a ticket
         * (RFC 8446 §2.3, §4.2.10), from 0 (the default: no early data) to {@value #MAX_EARLY_DATA};
         * the tickets then carry early_data with this max_early_data_size. Early data can be
         * replayed by an attacker (§8, §E.5): this server lets each ticket's early data in once
         * and only with a fresh ticket age ({@link EarlyDataReplayGuard}), but only within this
         * process, so it refuses this option with {@link #sessionTicketKeys given ticket keys}
         * (shared by several servers, or kept across restarts). Only
         * {@link io.siotls.connection.TLSConnection} reads early data.
         *
         * @throws InvalidConfigurationException {@code max_early_data}, OUT_OF_RANGE
         */
        public Builder maxEarlyData(int bytes) {
            if (bytes < 0 || bytes > MAX_EARLY_DATA) {
                throw new InvalidConfigurationException(side, ConfigurationOption.MAX_EARLY_DATA,
                        ConfigurationProblem.OUT_OF_RANGE, "max_early_data must be within [0, " + MAX_EARLY_DATA
                        + "] bytes (0 accepts no 0-RTT data), got " + bytes);
            }
            this.maxEarlyData = bytes;
            return this;
        }

        /** Client-side: ask the server to staple an OCSP response (status_request, RFC 6066 §8). */
        public Builder requestOcspStapling(boolean requestOcspStapling) {
            this.requestOcspStapling = requestOcspStapling;
            return this;
        }

        public Builder maxFragmentLength(MaxFragmentLength maxFragmentLength) {
            this.maxFragmentLength = Objects.requireNonNull(maxFragmentLength, "max_fragment_length");
            return this;
        }

        /** The limits on what a peer may make a connection hold or repeat (default {@link Limits#DEFAULTS}). */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder alpn(String... protocols) {
            return alpn(Arrays.asList(protocols));
        }

        public Builder alpn(List<String> protocols) {
            this.alpn = copy(protocols, ConfigurationOption.ALPN);
            return this;
        }

        /**
         * Writes the traffic secrets of every connection in the NSS key log format, for
         * Wireshark: to {@link #keyLogFile(Path) a file}, else to the {@code io.siotls.keylog}
         * logger (which must be enabled at INFO level too). Anyone who reads them can decrypt
         * the traffic: never in production.
         */
        public Builder logKeys(boolean logKeys) {
            this.logKeys = logKeys;
            return this;
        }

        /** The file key log lines are appended to when {@link #logKeys(boolean)} is on. */
        public Builder keyLogFile(Path keyLogFile) {
            this.keyLogFile = keyLogFile;
            return this;
        }

        /**
         * INSECURE: the peer is not authenticated at all, anyone in the middle can read and change
         * the traffic. For tests against throw-away servers only; a warning is logged when the
         * configuration is built and for every connection.
         */
        public Builder insecureNoPeerVerification() {
            this.insecureNoPeerVerification = true;
            this.truststore = null;
            this.trustedPublicKeys = List.of();
            return this;
        }

        /**
         * Validates the settings and returns the configuration.
         *
         * @throws InvalidConfigurationException naming the option at fault
         */
        public TLSConfiguration build() {
            try {
                return validated();
            } catch (InvalidConfigurationException e) {
                throw e;
            } catch (TLSConfigurationException e) {
                throw new InvalidConfigurationException(side, e);
            }
        }

        /** The configuration, once the settings are checked; the trust store and key log file fail without a side. */
        private TLSConfiguration validated() {
            if (cipherSuites == null) {
                cipherSuites = DEFAULT_CIPHER_SUITES.stream().filter(crypto::supports).toList();
            }
            if (keyExchanges == null) {
                keyExchanges = DEFAULT_KEY_EXCHANGES.stream().filter(crypto::supports).toList();
            }
            if (signatureAlgorithms == null) {
                signatureAlgorithms = DEFAULT_SIGNATURE_ALGORITHMS.stream().filter(crypto::supports).toList();
            }
            TrustStore effectiveTruststore = truststore;
            if (side == Side.CLIENT && truststore == null && trustedPublicKeys.isEmpty()
                    && !insecureNoPeerVerification) {
                effectiveTruststore = TrustStores.system();
            }
            if (insecureNoPeerVerification && side == Side.SERVER) {
                throw new InvalidConfigurationException(side, ConfigurationOption.INSECURE_NO_PEER_VERIFICATION,
                        ConfigurationProblem.WRONG_SIDE, "insecure_no_peer_verification is a client-side option; "
                        + "a server authenticates clients only when given a truststore or trusted_public_keys");
            }
            new ConfigurationValidator(this).validate();
            if (logKeys && keyLogFile != null) {
                KeyLog.checkWritable(keyLogFile);
            }
            if (sessionTicketsSet && side != Side.SERVER) {
                throw new InvalidConfigurationException(side, ConfigurationOption.SESSION_TICKETS,
                        ConfigurationProblem.WRONG_SIDE, "session tickets are a server-side option: this client"
                        + " does not resume sessions");
            }
            TicketKeys ticketKeys = side != Side.SERVER || sessionTickets == 0 ? null
                    : sessionTicketKeys != null ? sessionTicketKeys
                    : inheritedTicketKeys != null ? inheritedTicketKeys : TicketKeys.random();
            checkEarlyData();
            EarlyDataReplayGuard replayGuard = side != Side.SERVER || maxEarlyData == 0 ? null
                    : inheritedReplayGuard != null ? inheritedReplayGuard
                    : new EarlyDataReplayGuard(EarlyDataReplayGuard.DEFAULT_CAPACITY, EARLY_DATA_REPLAY_RETENTION);
            new ExternalPskValidator(side, crypto, cipherSuites, externalPsks).validate();
            TLSConfiguration configuration = new TLSConfiguration(this, effectiveTruststore, ticketKeys, replayGuard);
            if (pskKeWithoutForwardSecrecy) {
                INSECURE.log(System.Logger.Level.WARNING, "INSECURE TLS " + side.toString().toLowerCase(Locale.ROOT)
                        + " configuration: pskKeWithoutForwardSecrecy(true) is set, PSK handshakes may skip the"
                        + " (EC)DHE exchange (psk_ke, RFC 8446 §4.2.9) and then have NO forward secrecy: whoever"
                        + " learns the PSK later decrypts every recorded connection made with it");
            }
            if (insecureNoPeerVerification) {
                INSECURE.log(System.Logger.Level.WARNING, "INSECURE TLS client configuration: insecureNoPeerVerification()"
                        + " is set, servers will NOT be authenticated and anyone on the path can read and alter the traffic");
            }
            return configuration;
        }

        /** max_early_data: server-side, with tickets, and never with ticket keys given (see {@link #maxEarlyData}). */
        private void checkEarlyData() {
            if (maxEarlyData == 0) {
                return;
            }
            if (side != Side.SERVER) {
                throw new InvalidConfigurationException(side, ConfigurationOption.MAX_EARLY_DATA,
                        ConfigurationProblem.WRONG_SIDE, "max_early_data is a server-side option; a client sends"
                        + " early data with TLSConnection.sendEarlyData when a ticket allows it");
            }
            if (sessionTickets == 0) {
                throw new InvalidConfigurationException(side, ConfigurationOption.MAX_EARLY_DATA,
                        ConfigurationProblem.INCOMPLETE, "max_early_data needs session_tickets above 0: early data"
                        + " is only sent with a resumed ticket (RFC 8446 §4.2.10)");
            }
            if (sessionTicketKeys != null) {
                throw new InvalidConfigurationException(side, ConfigurationOption.MAX_EARLY_DATA,
                        ConfigurationProblem.UNSUPPORTED, "max_early_data cannot be used with given"
                        + " session_ticket_keys: the 0-RTT replay protection (RFC 8446 §8) is kept per process, and"
                        + " servers sharing ticket keys, or a restarted one, would each accept replayed early data");
            }
        }

        Side side() {
            return side;
        }

        CryptoProvider crypto() {
            return crypto;
        }

        List<CipherSuite> cipherSuites() {
            return cipherSuites;
        }

        List<NamedGroup> keyExchanges() {
            return keyExchanges;
        }

        List<SignatureScheme> signatureAlgorithms() {
            return signatureAlgorithms;
        }

        PrivateKey privateKey() {
            return privateKey;
        }

        List<SignatureScheme> privateKeySignatureAlgorithms() {
            return privateKeySignatureAlgorithms;
        }

        PublicKey publicKey() {
            return publicKey;
        }

        List<X509Certificate> certificateChain() {
            return certificateChain;
        }

        List<String> alpn() {
            return alpn;
        }

        List<ExternalPsk> externalPsks() {
            return externalPsks;
        }

        ClientAuthentication clientAuthentication() {
            return clientAuthentication;
        }

        SigningChainSelector signingChainSelectorOption() {
            return signingChainSelector;
        }

        boolean hasTrustMaterial() {
            return truststore != null || !trustedPublicKeys.isEmpty();
        }

        byte[] ocspResponseOption() {
            return ocspResponse;
        }

        boolean requestOcspStaplingOption() {
            return requestOcspStapling;
        }

        /** The chain of privateKey and certificateChain, when both are set, then the extra chains. */
        List<SigningChain> allSigningChains() {
            List<SigningChain> chains = new ArrayList<>();
            if (privateKey != null && !certificateChain.isEmpty()) {
                chains.add(new SigningChain(certificateChain, privateKey));
            }
            chains.addAll(extraSigningChains);
            return List.copyOf(chains);
        }

        ClientAuthentication effectiveClientAuthentication() {
            if (side == Side.CLIENT) {
                return ClientAuthentication.NONE;
            }
            if (clientAuthentication != null) {
                return clientAuthentication;
            }
            return hasTrustMaterial() ? ClientAuthentication.REQUIRED : ClientAuthentication.NONE;
        }

        private <T> List<T> copy(Collection<? extends T> values, ConfigurationOption option) {
            if (values == null) {
                throw new InvalidConfigurationException(side, option, ConfigurationProblem.NULL,
                        option + " must not be null");
            }
            List<T> list = new ArrayList<>(values.size());
            for (T value : values) {
                if (value == null) {
                    throw new InvalidConfigurationException(side, option, ConfigurationProblem.NULL,
                            option + " must not contain null");
                }
                list.add(value);
            }
            return List.copyOf(list);
        }
    }
}
