package io.siotls.trust;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.pem.CertificateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Creates {@link TrustStore}s from the JDK's defaults, PEM files, certificates or a {@link KeyStore}. */
public final class TrustStores {

    private TrustStores() {
    }

    /**
     * The trust anchors of the JDK's default {@code TrustManagerFactory} ({@code PKIX}, initialised with
     * no KeyStore): {@code javax.net.ssl.trustStore} when set, else {@code jssecacerts} or {@code cacerts}.
     *
     * @throws TLSConfigurationException when they cannot be read or there are none
     */
    public static TrustStore system() {
        String source = "the JDK default trust store (javax.net.ssl.trustStore="
                + System.getProperty("javax.net.ssl.trustStore", "<unset>") + ")";
        Set<X509Certificate> anchors = new LinkedHashSet<>();
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509Manager) {
                    Collections.addAll(anchors, x509Manager.getAcceptedIssuers());
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw failure(ConfigurationProblem.UNREADABLE, source, source + " cannot be loaded: " + e.getMessage(), e);
        }
        if (anchors.isEmpty()) {
            throw failure(ConfigurationProblem.EMPTY, source, source + " holds no trusted certificate", null);
        }
        return new AnchorTrustStore("system trust store", anchors);
    }

    /**
     * The CA certificates of a PEM bundle (or of a single DER certificate).
     *
     * @throws TLSConfigurationException naming the file when it is unreadable or holds no certificate
     */
    public static TrustStore fromPem(Path file) {
        return new AnchorTrustStore("PEM trust store " + file, new LinkedHashSet<>(
                CertificateLoader.loadCertificates(file, ConfigurationOption.TRUSTSTORE)));
    }

    /**
     * The given certificates as trust anchors.
     *
     * @throws TLSConfigurationException when there is none or one is null
     */
    public static TrustStore fromCertificates(Collection<X509Certificate> certificates) {
        if (certificates == null || certificates.isEmpty()) {
            throw failure(ConfigurationProblem.EMPTY, null, "trust store: no trust anchor certificate was given", null);
        }
        Set<X509Certificate> anchors = new LinkedHashSet<>();
        for (X509Certificate certificate : certificates) {
            if (certificate == null) {
                throw failure(ConfigurationProblem.NULL, null, "trust store: a null certificate was given", null);
            }
            anchors.add(certificate);
        }
        return new AnchorTrustStore("trust store", anchors);
    }

    /**
     * The trusted certificate entries of a loaded {@link KeyStore} (key entries are not anchors).
     *
     * @throws TLSConfigurationException when the KeyStore is not loaded or holds no trusted certificate entry
     */
    public static TrustStore fromKeyStore(KeyStore keyStore) {
        if (keyStore == null) {
            throw failure(ConfigurationProblem.NULL, null, "trust store: no KeyStore was given", null);
        }
        Set<X509Certificate> anchors = new LinkedHashSet<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate certificate = keyStore.isCertificateEntry(alias) ? keyStore.getCertificate(alias) : null;
                if (certificate instanceof X509Certificate x509) {
                    anchors.add(x509);
                }
            }
        } catch (KeyStoreException e) {
            throw failure(ConfigurationProblem.UNREADABLE, null,
                    "trust store: the " + keyStore.getType() + " KeyStore is not loaded", e);
        }
        if (anchors.isEmpty()) {
            throw failure(ConfigurationProblem.EMPTY, null,
                    "trust store: the " + keyStore.getType() + " KeyStore holds no trusted certificate entry", null);
        }
        return new AnchorTrustStore(keyStore.getType() + " KeyStore trust store", anchors);
    }

    /**
     * The trusted certificate entries of a key store file (PKCS12, JKS, or any type the JDK
     * reads), e.g. a Java {@code cacerts} or a Spring Boot trust store.
     *
     * @param type the KeyStore type, e.g. {@code PKCS12} or {@code JKS}
     * @param password the store password, or null when it needs none to read certificates
     * @throws TLSConfigurationException naming the file and the problem
     */
    public static TrustStore fromKeyStoreFile(Path file, String type, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance(type);
            keyStore.load(in, password);
            return fromKeyStore(keyStore);
        } catch (IOException | GeneralSecurityException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw failure(ConfigurationProblem.WRONG_PASSWORD, String.valueOf(file),
                        file + ": the password does not open the " + type + " trust store: " + e.getMessage(), e);
            }
            throw failure(ConfigurationProblem.UNREADABLE, String.valueOf(file),
                    file + ": cannot read the " + type + " trust store: " + e.getMessage(), e);
        }
    }

    /** A failure about the {@link ConfigurationOption#TRUSTSTORE truststore}, read from {@code source} if not null. */
    private static TLSConfigurationException failure(ConfigurationProblem problem, String source, String message,
            Throwable cause) {
        return new TLSConfigurationException(ConfigurationOption.TRUSTSTORE, problem, source, message, cause);
    }
}
