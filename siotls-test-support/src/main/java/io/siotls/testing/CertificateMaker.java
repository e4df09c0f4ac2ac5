package io.siotls.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Signs one X.509 v3 certificate (RFC 5280) from the fields set on it. */
final class CertificateMaker {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BouncyCastleProvider SIGNING_PROVIDER = new BouncyCastleProvider();

    private X500Name subject;
    private PublicKey subjectKey;
    private Instant notBefore;
    private Instant notAfter;
    private boolean ca;
    private Integer pathLength;
    private String permittedDnsSubtree;
    private Integer keyUsage;
    private Eku eku = Eku.NONE;
    private boolean keyIdentifiers = true;
    private final List<GeneralName> subjectAltNames = new ArrayList<>();

    /** The subject, as an RFC 2253 string (most specific RDN first, like the JDK prints it). */
    CertificateMaker subject(String distinguishedName, PublicKey key) {
        this.subject = X500Name.getInstance(new X500Principal(distinguishedName).getEncoded());
        this.subjectKey = key;
        return this;
    }

    CertificateMaker validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    CertificateMaker ca(boolean isCa, Integer maxPathLength) {
        this.ca = isCa;
        this.pathLength = maxPathLength;
        return this;
    }

    /** A critical nameConstraints extension permitting only DNS names under {@code dnsSubtree} (RFC 5280 §4.2.1.10). */
    CertificateMaker permittedDnsSubtree(String dnsSubtree) {
        this.permittedDnsSubtree = dnsSubtree;
        return this;
    }

    /** Key usage bits as {@link KeyUsage} constants, or null for no extension. */
    CertificateMaker keyUsage(Integer bits) {
        this.keyUsage = bits;
        return this;
    }

    CertificateMaker eku(Eku usage) {
        this.eku = usage;
        return this;
    }

    /** Whether to add the subject and authority key identifiers (default yes); without them an issuer is found by name only. */
    CertificateMaker keyIdentifiers(boolean add) {
        this.keyIdentifiers = add;
        return this;
    }

    CertificateMaker dnsName(String name) {
        subjectAltNames.add(new GeneralName(GeneralName.dNSName, name));
        return this;
    }

    CertificateMaker ipAddress(String address) {
        subjectAltNames.add(new GeneralName(GeneralName.iPAddress, address));
        return this;
    }

    /** Signs the certificate with the issuer's key; a null issuer certificate makes it self-signed. */
    X509Certificate signBy(X509Certificate issuer, KeyPair issuerKeys, KeyType issuerType) {
        try {
            X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName, serial, Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            JcaX509ExtensionUtils extensionUtils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true,
                    ca && pathLength != null ? new BasicConstraints(pathLength) : new BasicConstraints(ca));
            if (permittedDnsSubtree != null) {
                builder.addExtension(Extension.nameConstraints, true, new org.bouncycastle.asn1.x509.NameConstraints(
                        new org.bouncycastle.asn1.x509.GeneralSubtree[] {new org.bouncycastle.asn1.x509.GeneralSubtree(
                                new GeneralName(GeneralName.dNSName, permittedDnsSubtree))}, null));
            }
            if (keyUsage != null) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            addExtendedKeyUsage(builder);
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
            }
            if (keyIdentifiers) {
                builder.addExtension(Extension.subjectKeyIdentifier, false, extensionUtils.createSubjectKeyIdentifier(subjectKey));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensionUtils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            }
            var signer = new JcaContentSignerBuilder(issuerType.certificateSignatureAlgorithm())
                    .setProvider(SIGNING_PROVIDER)
                    .build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make test certificate " + subject, e);
        }
    }

    private void addExtendedKeyUsage(X509v3CertificateBuilder builder) throws CertIOException {
        KeyPurposeId[] purposes = switch (eku) {
            case SERVER_AUTH -> new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth};
            case CLIENT_AUTH -> new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth};
            case BOTH -> new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};
            case ANY -> new KeyPurposeId[] {KeyPurposeId.anyExtendedKeyUsage};
            case NONE -> null;
        };
        if (purposes != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
        }
    }
}
