package io.siotls.spring.autoconfigure.actuator;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a certificate stands at a given instant, and how Actuator describes it. */
public enum CertificateStatus {
    /** Valid, and for longer than the warning threshold. */
    VALID,
    /** Valid, but expiring within the warning threshold. */
    WILL_EXPIRE_SOON,
    /** Past its notAfter. */
    EXPIRED,
    /** Before its notBefore. */
    NOT_YET_VALID;

    /** The status of {@code certificate} at {@code now}, {@code warning} being the expiry-warning window. */
    public static CertificateStatus of(X509Certificate certificate, Instant now, Duration warning) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isBefore(notBefore)) {
            return NOT_YET_VALID;
        }
        if (now.isAfter(notAfter)) {
            return EXPIRED;
        }
        return now.plus(warning).isAfter(notAfter) ? WILL_EXPIRE_SOON : VALID;
    }

    /** Whether a chain holding a certificate in this status cannot be used. */
    public boolean unusable() {
        return this == EXPIRED || this == NOT_YET_VALID;
    }

    /** The details Actuator shows of {@code certificate}. */
    static Map<String, Object> describe(X509Certificate certificate, Instant now, Duration warning) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subject", certificate.getSubjectX500Principal().getName());
        details.put("issuer", certificate.getIssuerX500Principal().getName());
        details.put("serialNumber", certificate.getSerialNumber().toString(16));
        details.put("validityStarts", certificate.getNotBefore().toInstant());
        details.put("validityEnds", certificate.getNotAfter().toInstant());
        details.put("status", of(certificate, now, warning));
        return details;
    }
}
