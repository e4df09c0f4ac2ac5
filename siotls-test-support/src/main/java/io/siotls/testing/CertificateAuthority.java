package io.siotls.testing;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * A test certificate authority: a self-signed root, or an intermediate issued by another
 * authority. It issues leaf certificates through {@link TestPki.Builder}.
 */
public final class CertificateAuthority {

    private static final Map<String, CertificateAuthority> ROOTS = new ConcurrentHashMap<>();
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);

    private final KeyType keyType;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final List<X509Certificate> intermediates;
    private final X509Certificate root;

    private CertificateAuthority(KeyType keyType, KeyPair keyPair, X509Certificate certificate,
                                 List<X509Certificate> intermediates, X509Certificate root) {
        this.keyType = keyType;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.intermediates = List.copyOf(intermediates);
        this.root = root;
    }

    /** The root every identity of {@code type} is issued by unless told otherwise; one per type and JVM run. */
    public static CertificateAuthority shared(KeyType type) {
        return root(type, "siotls test root " + type);
    }

    /** A root named {@code CN=commonName}, valid from a day ago for ten years; one per type and name per JVM run. */
    public static CertificateAuthority root(KeyType type, String commonName) {
        return ROOTS.computeIfAbsent(type + "/" + commonName, ignored -> {
            Instant now = Instant.now();
            return root(type, commonName, now.minus(Duration.ofDays(1)), now.plus(CA_LIFETIME));
        });
    }

    /** A new root named {@code CN=commonName} valid in [notBefore, notAfter]; its key is cached per type and name. */
    public static CertificateAuthority root(KeyType type, String commonName, Instant notBefore, Instant notAfter) {
        return selfSigned(type, KeyPairs.cached(type, "ca " + commonName), testName(commonName), notBefore, notAfter);
    }

    /**
     * A root whose subject is exactly {@code distinguishedName}, valid in [notBefore, notAfter], with
     * a key of its own (never cached) and no key identifiers: a root of the same name made again is
     * an impostor, which only the signatures tell apart.
     */
    public static CertificateAuthority newRoot(KeyType type, String distinguishedName, Instant notBefore, Instant notAfter) {
        KeyPair keys = KeyPairs.generate(type);
        X509Certificate certificate = caMaker(distinguishedName, keys, notBefore, notAfter, null).keyIdentifiers(false)
                .signBy(null, keys, type);
        return new CertificateAuthority(type, keys, certificate, List.of(), certificate);
    }

    private static CertificateAuthority selfSigned(KeyType type, KeyPair keys, String distinguishedName,
                                                   Instant notBefore, Instant notAfter) {
        X509Certificate certificate = caMaker(distinguishedName, keys, notBefore, notAfter, null).signBy(null, keys, type);
        return new CertificateAuthority(type, keys, certificate, List.of(), certificate);
    }

    /** An intermediate authority issued by this one, valid from a day ago for ten years. */
    public CertificateAuthority intermediate(String commonName) {
        Instant now = Instant.now();
        return intermediate(commonName, keyType, now.minus(Duration.ofDays(1)), now.plus(CA_LIFETIME));
    }

    /** An intermediate authority issued by this one, with a {@code type} key, valid in [notBefore, notAfter]. */
    public CertificateAuthority intermediate(String commonName, KeyType type, Instant notBefore, Instant notAfter) {
        KeyPair keys = KeyPairs.cached(type, "ca " + commonName);
        return issue(caMaker(testName(commonName), keys, notBefore, notAfter, null), type, keys);
    }

    /**
     * An intermediate issued by this one whose nameConstraints permit only DNS names under
     * {@code dnsSubtree} (RFC 5280 §4.2.1.10).
     */
    public CertificateAuthority constrainedIntermediate(String commonName, String dnsSubtree) {
        Instant now = Instant.now();
        KeyPair keys = KeyPairs.cached(keyType, "ca " + commonName);
        return issue(caMaker(testName(commonName), keys, now.minus(Duration.ofDays(1)), now.plus(CA_LIFETIME), null)
                .permittedDnsSubtree(dnsSubtree), keyType, keys);
    }

    /** The authority {@code maker} describes, signed by this one, its chain up to (excluding) the root. */
    private CertificateAuthority issue(CertificateMaker maker, KeyType type, KeyPair keys) {
        X509Certificate issued = maker.signBy(certificate, keyPair, keyType);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued);
        chain.addAll(intermediates);
        return new CertificateAuthority(type, keys, issued, chain, root);
    }

    private static String testName(String commonName) {
        return "CN=" + commonName + ",O=siotls tests";
    }

    private static CertificateMaker caMaker(String distinguishedName, KeyPair keys, Instant notBefore, Instant notAfter,
                                            Integer pathLength) {
        return new CertificateMaker()
                .subject(distinguishedName, keys.getPublic())
                .validity(notBefore, notAfter)
                .ca(true, pathLength)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
    }

    /** This authority's own certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The intermediates from this authority up to (excluding) the root; empty for a root. */
    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    /** The self-signed root at the top of this authority's chain. */
    public X509Certificate root() {
        return root;
    }

    /** The key type this authority signs with. */
    public KeyType keyType() {
        return keyType;
    }

    /** This authority's key pair. */
    public KeyPair keyPair() {
        return keyPair;
    }
}
