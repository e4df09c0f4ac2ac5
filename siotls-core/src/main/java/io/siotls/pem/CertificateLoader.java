package io.siotls.pem;

import static io.siotls.alerts.ConfigurationProblem.MALFORMED;
import static io.siotls.alerts.ConfigurationProblem.UNSUPPORTED;
import static io.siotls.alerts.ConfigurationProblem.WRONG_KIND;

import io.siotls.alerts.ConfigurationOption;
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
     * @throws io.siotls.alerts.TLSConfigurationException naming the file and the problem, about
     *         {@link ConfigurationOption#CERTIFICATE_CHAIN}
     */
    public static List<X509Certificate> loadCertificates(Path file) {
        return loadCertificates(file, ConfigurationOption.CERTIFICATE_CHAIN);
    }

    /**
     * The certificates in {@code file}, at least one, loaded for {@code option} (a
     * {@link ConfigurationOption#TRUSTSTORE truststore}, say).
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the file and the problem, about {@code option}
     */
    public static List<X509Certificate> loadCertificates(Path file, ConfigurationOption option) {
        Source source = Source.of(file, option);
        return load(source.read(file), source);
    }

    /**
     * The certificates in {@code content}, at least one; {@code sourceName} names it in error messages.
     *
     * @throws io.siotls.alerts.TLSConfigurationException naming the source and the problem, about
     *         {@link ConfigurationOption#CERTIFICATE_CHAIN}
     */
    public static List<X509Certificate> loadCertificates(byte[] content, String sourceName) {
        return load(content, Source.of(sourceName, ConfigurationOption.CERTIFICATE_CHAIN));
    }

    private static List<X509Certificate> load(byte[] content, Source source) {
        List<PemBlock> blocks = PemContent.read(content, source);
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = x509Factory(source);
        for (PemBlock block : blocks) {
            if (isCertificate(block)) {
                certificates.add(parse(factory, block, certificates.size() + 1, source));
            }
        }
        if (certificates.isEmpty()) {
            throw source.error(WRONG_KIND, "holds " + PemContent.describe(blocks) + ", expected a CERTIFICATE");
        }
        return List.copyOf(certificates);
    }

    private static boolean isCertificate(PemBlock block) {
        return "CERTIFICATE".equals(block.label()) || "X509 CERTIFICATE".equals(block.label());
    }

    private static CertificateFactory x509Factory(Source source) {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw source.error(UNSUPPORTED, "cannot be parsed: the JDK has no X.509 certificate factory", e);
        }
    }

    private static X509Certificate parse(CertificateFactory factory, PemBlock block, int position, Source source) {
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException | RuntimeException e) {
            throw source.error(MALFORMED, "certificate #" + position + " is malformed: " + e.getMessage(), e);
        }
    }
}
