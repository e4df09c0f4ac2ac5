package io.siotls.trust;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.CertificateExpired;
import io.siotls.alerts.CertificateRevoked;
import io.siotls.alerts.CertificateUnknown;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.UnknownCA;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertPathValidatorException.Reason;
import java.security.cert.CertPathValidatorException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Turns a PKIX validation failure into the TLS alert that reports it (RFC 8446 §6.2). */
final class PathFailures {

    private PathFailures() {
    }

    /**
     * The alert for {@code failure}, raised while validating {@code path} (leaf first) at {@code now}:
     * unknown_ca when no trust anchor issued the path, certificate_expired when a certificate is out of
     * its validity period, certificate_revoked, certificate_unknown when revocation could not be
     * decided, bad_certificate otherwise.
     */
    static TLSAlertException toAlert(CertPathValidatorException failure, List<X509Certificate> path, Instant now) {
        Reason reason = failure.getReason();
        int index = failure.getIndex();
        X509Certificate culprit = index >= 0 && index < path.size() ? path.get(index) : null;
        String subject = culprit == null ? "the certificate chain" : Certificates.describe(culprit);
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            X509Certificate top = path.get(path.size() - 1);
            return new UnknownCA("no trust anchor issued " + Certificates.describe(top) + " (issuer '"
                    + top.getIssuerX500Principal().getName() + "')", failure);
        }
        if (reason == BasicReason.EXPIRED) {
            return new CertificateExpired(subject + (culprit == null ? " has expired"
                    : " expired at " + culprit.getNotAfter().toInstant()) + " (checked at " + now + ")", failure);
        }
        if (reason == BasicReason.NOT_YET_VALID) {
            return new CertificateExpired(subject + (culprit == null ? " is not yet valid"
                    : " is not valid before " + culprit.getNotBefore().toInstant()) + " (checked at " + now + ")", failure);
        }
        if (reason == BasicReason.REVOKED) {
            return new CertificateRevoked(subject + " is revoked", failure);
        }
        if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new CertificateUnknown("the revocation status of " + subject + " cannot be determined", failure);
        }
        if (reason == BasicReason.INVALID_SIGNATURE) {
            return new BadCertificate("the signature of " + subject + " is invalid", failure);
        }
        return new BadCertificate(subject + " is not acceptable (" + reason + "): " + failure.getMessage(), failure);
    }
}
