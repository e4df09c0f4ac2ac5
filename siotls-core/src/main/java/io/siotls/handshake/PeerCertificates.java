package io.siotls.handshake;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.DecodeError;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.trust.HostnameVerifier;
import io.siotls.trust.Purpose;
import io.siotls.trust.TrustStore;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the peer's Certificate message and authenticates it (RFC 8446 §4.4.2.4): PKIX path
 * validation against the trust store, then, for a server, its host name (RFC 9525).
 */
final class PeerCertificates {

    private PeerCertificates() {
    }

    /** The X.509 chain of a Certificate message, end-entity first. */
    static List<X509Certificate> decode(CertificateMessage message) {
        if (message.entries().isEmpty()) {
            throw new DecodeError("the Certificate message is empty");
        }
        List<X509Certificate> chain = new ArrayList<>(message.entries().size());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (CertificateEntry entry : message.entries()) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(entry.data())));
            }
        } catch (CertificateException | RuntimeException e) {
            throw new BadCertificate("the peer sent a certificate that is not valid DER X.509: " + e.getMessage(), e);
        }
        return List.copyOf(chain);
    }

    /**
     * Verifies {@code chain}: nothing without a trust store (an insecure configuration), else
     * against the trust store, and the host name when {@code hostname} is not null.
     */
    static void authenticate(TrustStore truststore, List<X509Certificate> chain, Purpose purpose,
            String hostname, Clock clock) {
        if (truststore == null) {
            return;
        }
        truststore.verify(chain, purpose, clock.instant());
        if (hostname != null) {
            HostnameVerifier.verify(chain.get(0), hostname);
        }
    }
}
