package io.siotls.pem;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads X.509 certificates (RFC 5280): every {@code CERTIFICATE} block of a PEM file (RFC 7468
 * §5), in file order, other blocks and text ignored; or the single certificate of a DER file.
 */
public final class CertificateLoader {

    private CertificateLoader() {
    }

    /**
     * The certificates in {@code file}, at least one.
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the file and the problem
     */
    public static List<X509Certificate> loadCertificates(Path file) {
        return load(Sources.read(file), Sources.name(file));
    }

    /**
     * The certificates in {@code content}, at least one; {@code sourceName} names it in error messages.
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the source and the problem
     */
    public static List<X509Certificate> loadCertificates(byte[] content, String sourceName) {
        return load(content, Sources.name(sourceName));
    }

    private static List<X509Certificate> load(byte[] content, String source) {
        List<PemBlock> blocks = PemContent.read(content, source);
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = x509Factory(source);
        for (PemBlock block : blocks) {
            if (isCertificate(block)) {
                certificates.add(parse(factory, block, certificates.size() + 1, source));
            }
        }
        if (certificates.isEmpty()) {
            throw Sources.error(source, "holds " + PemContent.describe(blocks) + ", expected a CERTIFICATE");
        }
        return List.copyOf(certificates);
    }

    private static boolean isCertificate(PemBlock block) {
        return "CERTIFICATE".equals(block.label()) || "X509 CERTIFICATE".equals(block.label());
    }

    private static CertificateFactory x509Factory(String source) {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw Sources.error(source, "cannot be parsed: the JDK has no X.509 certificate factory", e);
        }
    }

    private static X509Certificate parse(CertificateFactory factory, PemBlock block, int position, String source) {
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException | RuntimeException e) {
            throw Sources.error(source, "certificate #" + position + " is malformed: " + e.getMessage(), e);
        }
    }
}
