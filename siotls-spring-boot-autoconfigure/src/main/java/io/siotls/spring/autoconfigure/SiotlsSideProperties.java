package io.siotls.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.io.Resource;

/** The properties both sides share: key material, trust material and algorithm preferences. */
public abstract class SiotlsSideProperties extends SiotlsKeyProperties {

    /** The word that, as a truststore, names the JDK's default trust anchors. */
    public static final String SYSTEM_TRUSTSTORE = "system";

    /**
     * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) to take the private key,
     * certificate chain and trust anchors from, instead of the certificate-chain, private-key,
     * key-store and truststore properties.
     */
    private String bundle;

    /** PEM or DER file of this side's raw public key (RFC 7250, SubjectPublicKeyInfo), the counterpart of private-key. */
    private Resource publicKey;

    /**
     * Trust anchors the peer's certificate chain is verified against: a resource location of a
     * PEM bundle of CA certificates or of a PKCS#12 or JKS key store (its trusted certificate
     * entries; the type is told by the content), or "system" for the JDK's default trust store.
     * Spring Boot's spelling, trust-store, names this same property.
     */
    private String truststore;

    /**
     * Password of a PKCS#12 or JKS truststore (the certificates of a PKCS#12 file cannot be read
     * without it); a PEM truststore has none. Spring Boot's spelling, trust-store-password, names
     * this same property.
     */
    private String truststorePassword;

    /** PEM or DER files of raw public keys (RFC 7250) the peer may authenticate with. */
    private List<Resource> trustedPublicKeys = new ArrayList<>();

    /** TLS 1.3 cipher suites, best first, by IANA name. Defaults to TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256. */
    private List<String> cipherSuites = new ArrayList<>();

    /**
     * Key exchange groups, best first, by IANA name. Defaults to X25519MLKEM768, x25519,
     * secp256r1.
     */
    private List<String> keyExchanges = new ArrayList<>();

    /**
     * Signature schemes the peer may authenticate with, by IANA name. Defaults to ed25519, the
     * ECDSA schemes and the RSA-PSS (rsae) schemes.
     */
    private List<String> signatureAlgorithms = new ArrayList<>();

    /** Signature schemes this side's private key may sign with, best first, by IANA name. Defaults to every scheme siotls can sign with. */
    private List<String> privateKeySignatureAlgorithms = new ArrayList<>();

    /** Application protocols (ALPN, RFC 7301), best first, e.g. h2, http/1.1. */
    private List<String> alpn = new ArrayList<>();

    /** Largest record plaintext asked of the peer, in bytes (RFC 6066): 512, 1024, 2048, 4096 or 16384. */
    private int maxFragmentLength = 16384;

    /**
     * Whether to write the traffic secrets in the NSS key log format, for Wireshark: to
     * key-log-file, else to the io.siotls.keylog logger. Anyone who reads them can decrypt the
     * traffic: never in production.
     */
    private boolean logKeys;

    /** The file the key log is appended to when log-keys is on. */
    private Path keyLogFile;

    /**
     * Whether to serve new connections with new key and trust material when its files change
     * (or its bundle is reloaded), without a restart; open connections keep theirs. The files
     * must be file-system resources.
     */
    private boolean reloadOnUpdate;

    /**
     * Longest time a TLS handshake may take before the connection is closed: on Tomcat (a client
     * trickling its ClientHello or sending nothing is shed, whatever
     * server.tomcat.connection-timeout says), on Reactor Netty (server and HTTP client), and in the
     * engine itself, which abandons a handshake that has run out when the peer's next bytes arrive
     * and bounds the reads of the JDK-socket HTTP clients by it.
     */
    private Duration handshakeTimeout = Duration.ofSeconds(10);

    /** How much a peer may make a connection hold or repeat before it ends with an alert. */
    @NestedConfigurationProperty
    private final SiotlsLimitsProperties limits = new SiotlsLimitsProperties();

    public String getBundle() {
        return bundle;
    }

    public void setBundle(String bundle) {
        this.bundle = bundle;
    }

    public Resource getPublicKey() {
        return publicKey;
    }

    public void setPublicKey(Resource publicKey) {
        this.publicKey = publicKey;
    }

    public String getTruststore() {
        return truststore;
    }

    public void setTruststore(String truststore) {
        this.truststore = truststore;
    }

    public String getTruststorePassword() {
        return truststorePassword;
    }

    public void setTruststorePassword(String truststorePassword) {
        this.truststorePassword = truststorePassword;
    }

    public List<Resource> getTrustedPublicKeys() {
        return trustedPublicKeys;
    }

    public void setTrustedPublicKeys(List<Resource> trustedPublicKeys) {
        this.trustedPublicKeys = trustedPublicKeys;
    }

    public List<String> getCipherSuites() {
        return cipherSuites;
    }

    public void setCipherSuites(List<String> cipherSuites) {
        this.cipherSuites = cipherSuites;
    }

    public List<String> getKeyExchanges() {
        return keyExchanges;
    }

    public void setKeyExchanges(List<String> keyExchanges) {
        this.keyExchanges = keyExchanges;
    }

    public List<String> getSignatureAlgorithms() {
        return signatureAlgorithms;
    }

    public void setSignatureAlgorithms(List<String> signatureAlgorithms) {
        this.signatureAlgorithms = signatureAlgorithms;
    }

    public List<String> getPrivateKeySignatureAlgorithms() {
        return privateKeySignatureAlgorithms;
    }

    public void setPrivateKeySignatureAlgorithms(List<String> privateKeySignatureAlgorithms) {
        this.privateKeySignatureAlgorithms = privateKeySignatureAlgorithms;
    }

    public List<String> getAlpn() {
        return alpn;
    }

    public void setAlpn(List<String> alpn) {
        this.alpn = alpn;
    }

    public int getMaxFragmentLength() {
        return maxFragmentLength;
    }

    public void setMaxFragmentLength(int maxFragmentLength) {
        this.maxFragmentLength = maxFragmentLength;
    }

    public boolean isLogKeys() {
        return logKeys;
    }

    public void setLogKeys(boolean logKeys) {
        this.logKeys = logKeys;
    }

    public Path getKeyLogFile() {
        return keyLogFile;
    }

    public void setKeyLogFile(Path keyLogFile) {
        this.keyLogFile = keyLogFile;
    }

    public boolean isReloadOnUpdate() {
        return reloadOnUpdate;
    }

    public void setReloadOnUpdate(boolean reloadOnUpdate) {
        this.reloadOnUpdate = reloadOnUpdate;
    }

    public Duration getHandshakeTimeout() {
        return handshakeTimeout;
    }

    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    public SiotlsLimitsProperties getLimits() {
        return limits;
    }
}
