package io.siotls.jsse;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.CertificateExpired;
import io.siotls.alerts.CertificateRevoked;
import io.siotls.alerts.CertificateUnknown;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.UnknownCA;
import io.siotls.trust.HostnameVerifier;
import io.siotls.trust.Purpose;
import io.siotls.trust.TrustStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * A JSSE trust manager as the engine's trust store: it is called with the engine, so it can read
 * the handshake session and do endpoint identification itself; its CertificateException becomes
 * the alert that fits. TLS 1.3 passes the auth type "UNKNOWN", as SunJSSE does.
 */
final class TrustManagerTrustStore implements TrustStore {

    private static final String AUTH_TYPE = "UNKNOWN";

    private final X509TrustManager trustManager;
    private final SSLEngine engine;
    private final String endpointHost;

    /**
     * @param engine the engine the trust manager is told about, or {@code null} for a context's
     *        engine-less configuration
     * @param endpointHost for a plain (not extended) trust manager, the host to check when the
     *        engine asks for endpoint identification, else {@code null}
     */
    TrustManagerTrustStore(X509TrustManager trustManager, SSLEngine engine, String endpointHost) {
        this.trustManager = trustManager;
        this.engine = engine;
        this.endpointHost = endpointHost;
    }

    @Override
    public void verify(List<X509Certificate> chain, Purpose purpose, Instant now) {
        X509Certificate[] certificates = chain.toArray(new X509Certificate[0]);
        try {
            if (trustManager instanceof X509ExtendedTrustManager extended) {
                if (purpose == Purpose.SERVER_AUTH) {
                    extended.checkServerTrusted(certificates, AUTH_TYPE, engine);
                } else {
                    extended.checkClientTrusted(certificates, AUTH_TYPE, engine);
                }
                return;
            }
            if (purpose == Purpose.SERVER_AUTH) {
                trustManager.checkServerTrusted(certificates, AUTH_TYPE);
            } else {
                trustManager.checkClientTrusted(certificates, AUTH_TYPE);
            }
        } catch (CertificateException e) {
            throw alertFor(e);
        }
        if (endpointHost != null && purpose == Purpose.SERVER_AUTH) {
            HostnameVerifier.verify(chain.get(0), endpointHost);
        }
    }

    /** The alert RFC 8446 §6.2 gives for the trust manager's reason. */
    static TLSAlertException alertFor(CertificateException e) {
        String message = "the trust manager refused the certificate: " + e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathValidatorException validator) {
                if (validator.getReason() == BasicReason.EXPIRED || validator.getReason() == BasicReason.NOT_YET_VALID) {
                    return new CertificateExpired(message, e);
                }
                if (validator.getReason() == BasicReason.REVOKED) {
                    return new CertificateRevoked(message, e);
                }
                if (validator.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                    return new UnknownCA(message, e);
                }
                return new BadCertificate(message, e);
            }
            if (cause instanceof java.security.cert.CertificateExpiredException
                    || cause instanceof java.security.cert.CertificateNotYetValidException) {
                return new CertificateExpired(message, e);
            }
            if (cause instanceof java.security.cert.CertPathBuilderException) {
                return new UnknownCA(message, e);
            }
        }
        return new CertificateUnknown(message, e);
    }

    @Override
    public List<X500Principal> trustAnchorSubjects() {
        return Arrays.stream(trustManager.getAcceptedIssuers())
                .map(X509Certificate::getSubjectX500Principal).distinct().toList();
    }

    @Override
    public Set<X509Certificate> trustAnchors() {
        return new LinkedHashSet<>(Arrays.asList(trustManager.getAcceptedIssuers()));
    }
}
