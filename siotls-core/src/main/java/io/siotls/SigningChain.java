package io.siotls;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.pem.CertificateLoader;
import io.siotls.pem.PrivateKeyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain (end-entity first) and the private key of its end-entity certificate:
 * PEP 748's {@code SigningChain}. A server may hold several and picks one per connection by
 * SNI and by the client's signature algorithms; a client picks one per server by the
 * certificate authorities the server names.
 */
public final class SigningChain {

    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;

    /**
     * @throws TLSConfigurationException when the chain is empty; whether the key matches the
     *         certificate is checked when a configuration holding the chain is built
     */
    public SigningChain(List<X509Certificate> chain, PrivateKey privateKey) {
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(Objects::isNull)) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN,
                    chain == null || chain.isEmpty() ? ConfigurationProblem.EMPTY : ConfigurationProblem.NULL,
                    "a signing chain needs at least one certificate and no null");
        }
        this.chain = List.copyOf(chain);
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /** A chain loaded from PEM or DER files. */
    public static SigningChain fromFiles(Path certificateChain, Path privateKey, char[] password) {
        return new SigningChain(CertificateLoader.loadCertificates(certificateChain),
                PrivateKeyLoader.loadPrivateKey(privateKey, password));
    }

    /** A chain loaded from PEM or DER bytes; the names identify them in error messages. */
    public static SigningChain fromBytes(byte[] certificateChain, String chainName, byte[] privateKey, String keyName,
            char[] password) {
        return new SigningChain(CertificateLoader.loadCertificates(certificateChain, chainName),
                PrivateKeyLoader.loadPrivateKey(privateKey, keyName, password));
    }

    /** The key entry {@code alias} of a Java {@link KeyStore} (JKS, PKCS#12, a platform store...). */
    public static SigningChain fromKeyStore(KeyStore keyStore, String alias, char[] keyPassword) {
        try {
            Key key = keyStore.getKey(alias, keyPassword);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN,
                        key == null ? ConfigurationProblem.MISSING : ConfigurationProblem.WRONG_KIND,
                        "key store entry '" + alias + "' " + (key == null ? "does not exist" : "is not a private key"));
            }
            Certificate[] certificates = keyStore.getCertificateChain(alias);
            if (certificates == null || certificates.length == 0) {
                throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.MISSING,
                        "key store entry '" + alias + "' has no certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : certificates) {
                if (!(certificate instanceof X509Certificate x509)) {
                    throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN,
                            ConfigurationProblem.UNSUPPORTED, "key store entry '" + alias + "' holds a "
                            + certificate.getType() + " certificate, not X.509");
                }
                chain.add(x509);
            }
            return new SigningChain(chain, privateKey);
        } catch (GeneralSecurityException e) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.UNREADABLE,
                    "cannot read key store entry '" + alias + "': " + e.getMessage(), e);
        }
    }

    /** The key entry {@code alias} (or the only key entry, when null) of a PKCS#12 file. */
    public static SigningChain fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            String chosen = alias != null ? alias : onlyKeyAlias(keyStore, file);
            return fromKeyStore(keyStore, chosen, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.UNREADABLE,
                    String.valueOf(file), file + ": cannot read PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore keyStore, Path file) throws GeneralSecurityException {
        List<String> aliases = new ArrayList<>();
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias)) {
                aliases.add(alias);
            }
        }
        if (aliases.size() != 1) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN,
                    aliases.isEmpty() ? ConfigurationProblem.MISSING : ConfigurationProblem.AMBIGUOUS, file.toString(),
                    file + ": holds " + aliases.size() + " key entries " + aliases + ", name the alias to use", null);
        }
        return aliases.get(0);
    }

    /** The chain, end-entity first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The end-entity certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningChain that && chain.equals(that.chain)
                && KeyEquality.sameKey(privateKey, that.privateKey);
    }

    @Override
    public int hashCode() {
        return chain.hashCode();
    }

    /** Names the end-entity subject; never shows the key. */
    @Override
    public String toString() {
        return "SigningChain{" + leaf().getSubjectX500Principal().getName() + ", " + chain.size() + " certificates, "
                + privateKey.getAlgorithm() + " key}";
    }
}
