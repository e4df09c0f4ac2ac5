package io.siotls.trust;

import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.CertificateExpired;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.DecodeError;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.UnknownCA;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Validates a peer's chain against trust anchors with the JDK's PKIX implementation (RFC 5280 §6).
 * The path is built from the leaf with {@code CertPathBuilder}, the other certificates serving as
 * candidates in any order (RFC 8446 §4.4.2). Builder failures do not say why, so on failure the
 * chain is linked by issuer name from the leaf and validated as such with
 * {@code CertPathValidator}, whose failure reason selects the alert. Revocation is not checked.
 * Chains that passed are remembered in {@link ValidatedChains} (per verifier, so per trust store)
 * and not built again while their path is valid; the leaf's usage is checked every time.
 */
final class ChainVerifier {

    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCertificates;
    private final Set<X500Principal> anchorSubjects;
    private final ValidatedChains validated;

    ChainVerifier(Set<X509Certificate> anchorCertificates) {
        this(anchorCertificates, ValidatedChains.DEFAULT_CAPACITY);
    }

    ChainVerifier(Set<X509Certificate> anchorCertificates, int cacheCapacity) {
        this.anchorCertificates = Set.copyOf(anchorCertificates);
        Set<TrustAnchor> trustAnchors = new LinkedHashSet<>();
        Set<X500Principal> subjects = new LinkedHashSet<>();
        for (X509Certificate certificate : anchorCertificates) {
            trustAnchors.add(new TrustAnchor(certificate, null));
            subjects.add(certificate.getSubjectX500Principal());
        }
        this.anchors = Set.copyOf(trustAnchors);
        this.anchorSubjects = Set.copyOf(subjects);
        this.validated = new ValidatedChains(cacheCapacity);
    }

    void verify(List<X509Certificate> chain, Purpose purpose, Instant now) {
        if (purpose == null || now == null) {
            throw new InternalErrorAlert("certificate verification needs a purpose and a time");
        }
        checkNotEmpty(chain, purpose);
        X509Certificate leaf = chain.get(0);
        List<X509Certificate> builtPath = null;
        if (anchorCertificates.contains(leaf)) {
            checkValidity(leaf, now);
        } else if (!validated.isValidated(chain, purpose, now)) {
            builtPath = buildPath(chain, now);
        }
        LeafUsage.check(leaf, purpose);
        if (builtPath != null) {
            validated.remember(chain, purpose, builtPath);
        }
    }

    /** The chains this verifier remembers as validated. */
    ValidatedChains validatedChains() {
        return validated;
    }

    private static void checkNotEmpty(List<X509Certificate> chain, Purpose purpose) {
        if (chain == null || chain.isEmpty()) {
            if (purpose == Purpose.SERVER_AUTH) {
                throw new DecodeError("the server sent an empty certificate chain");
            }
            throw new CertificateRequired("the client sent an empty certificate chain");
        }
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) == null) {
                throw new BadCertificate("certificate #" + (i + 1) + " of the chain is missing");
            }
        }
    }

    private static void checkValidity(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new CertificateExpired(Certificates.describe(certificate) + " expired at "
                    + certificate.getNotAfter().toInstant() + " (checked at " + now + ")", e);
        } catch (CertificateNotYetValidException e) {
            throw new CertificateExpired(Certificates.describe(certificate) + " is not valid before "
                    + certificate.getNotBefore().toInstant() + " (checked at " + now + ")", e);
        }
    }

    /** The certificates of the path built from the leaf, leaf first, the trust anchor excluded. */
    private List<X509Certificate> buildPath(List<X509Certificate> chain, Instant now) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            configure(parameters, now);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            return toX509(CertPathBuilder.getInstance("PKIX").build(parameters).getCertPath().getCertificates());
        } catch (CertPathBuilderException e) {
            throw diagnose(chain, now, e);
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            throw new InternalErrorAlert("the JDK's PKIX implementation is unavailable", e);
        } catch (RuntimeException e) {
            throw new BadCertificate("the certificate chain cannot be processed: " + e.getMessage(), e);
        }
    }

    private static void configure(PKIXParameters parameters, Instant now) {
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(now));
    }

    private static List<X509Certificate> toX509(List<? extends Certificate> certificates) {
        List<X509Certificate> path = new ArrayList<>(certificates.size());
        for (Certificate certificate : certificates) {
            path.add((X509Certificate) certificate);
        }
        return path;
    }

    /** Finds why no path was built, by validating the chain linked by issuer names from the leaf. */
    private TLSAlertException diagnose(List<X509Certificate> chain, Instant now, CertPathBuilderException buildFailure) {
        List<X509Certificate> path = linkFromLeaf(chain);
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            configure(parameters, now);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            throw PathFailures.toAlert(e, path, now);
        } catch (CertificateException | RuntimeException e) {
            throw new BadCertificate("the certificate chain cannot be processed: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new InternalErrorAlert("the JDK's PKIX implementation is unavailable", e);
        }
        return new UnknownCA("no valid certification path from " + Certificates.describe(chain.get(0))
                + " to a trust anchor: " + buildFailure.getMessage(), buildFailure);
    }

    /**
     * The leaf, then at each step a not yet used certificate whose subject is the current issuer
     * (one whose key verifies the signature when several do), until an anchor's subject, a
     * self-issued certificate or a missing issuer; a trailing copy of an anchor is dropped.
     */
    private List<X509Certificate> linkFromLeaf(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>();
        List<X509Certificate> unused = new ArrayList<>(chain.subList(1, chain.size()));
        X509Certificate current = chain.get(0);
        path.add(current);
        while (!anchorSubjects.contains(current.getIssuerX500Principal()) && !isSelfIssued(current)) {
            X509Certificate issuer = findIssuer(current, unused);
            if (issuer == null) {
                break;
            }
            unused.remove(issuer);
            path.add(issuer);
            current = issuer;
        }
        if (path.size() > 1 && anchorCertificates.contains(current)) {
            path.remove(path.size() - 1);
        }
        return path;
    }

    private static X509Certificate findIssuer(X509Certificate certificate, List<X509Certificate> candidates) {
        X509Certificate byName = null;
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                if (signedBy(certificate, candidate)) {
                    return candidate;
                }
                byName = byName == null ? candidate : byName;
            }
        }
        return byName;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }
}
