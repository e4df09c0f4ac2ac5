package io.siotls.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates a peer's chain must lead to. Implementations are immutable and compared by
 * value (their set of trust anchors). Create them with {@link TrustStores}; those remember the
 * chains they validated while the chains' certificates are valid (RFC 5280 §6), which changes
 * no answer of {@link #verify} but spares a second path validation.
 */
public interface TrustStore {

    /** The JDK's default trust anchors (honouring {@code javax.net.ssl.trustStore}), see {@link TrustStores#system()}. */
    static TrustStore system() {
        return TrustStores.system();
    }

    /**
     * Checks the peer's certificate chain (RFC 8446 §4.4.2): leaf first, then certificates in any
     * order, possibly with extra ones; a path from the leaf to a trust anchor must exist and be
     * valid at {@code now} (RFC 5280 §6), and the leaf must be usable for {@code purpose}.
     *
     * @throws io.siotls.alerts.UnknownCA when no path reaches a trust anchor
     * @throws io.siotls.alerts.CertificateExpired when a certificate of the path is expired or not yet valid
     * @throws io.siotls.alerts.BadCertificate on a bad signature, a key usage or extended key usage that
     *     forbids the purpose, or a malformed certificate
     * @throws io.siotls.alerts.CertificateRevoked when a certificate of the path is revoked
     * @throws io.siotls.alerts.DecodeError when a server sent an empty chain (RFC 8446 §4.4.2.4)
     * @throws io.siotls.alerts.CertificateRequired when a client sent an empty chain (RFC 8446 §4.4.2.4)
     */
    void verify(List<X509Certificate> chain, Purpose purpose, Instant now);

    /** The distinct subjects of the trust anchors, for the certificate_authorities extension (RFC 8446 §4.2.4). */
    List<X500Principal> trustAnchorSubjects();

    /** The trust anchor certificates. */
    Set<X509Certificate> trustAnchors();
}
