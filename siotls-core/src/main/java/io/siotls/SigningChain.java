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
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
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

    /**
     * The private key entry {@code alias} of a loaded Java {@link KeyStore} (PKCS#12, JKS, a
     * platform store...), or its only private key entry when {@code alias} is null.
     *
     * @param keyPassword the password of the entry's key (for a file, often the store password)
     * @throws TLSConfigurationException about {@link ConfigurationOption#SIGNING_CHAIN}, the message
     *         listing the private key entries: {@code MISSING} when the entry does not exist or the
     *         store holds no private key, {@code AMBIGUOUS} when {@code alias} is null and it holds
     *         several, {@code WRONG_KIND} when the entry is no private key, {@code WRONG_PASSWORD}
     *         when {@code keyPassword} does not recover the key
     */
    public static SigningChain fromKeyStore(KeyStore keyStore, String alias, char[] keyPassword) {
        String chosen;
        try {
            List<String> keyAliases = privateKeyAliases(keyStore);
            chosen = alias != null ? alias : onlyKeyAlias(keyStore, keyAliases);
            if (!keyAliases.contains(chosen)) {
                boolean exists = keyStore.containsAlias(chosen);
                throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN,
                        exists ? ConfigurationProblem.WRONG_KIND : ConfigurationProblem.MISSING,
                        "key store entry '" + chosen + "' " + (exists ? "is not a private key entry" : "does not exist")
                        + " (private key entries: " + (keyAliases.isEmpty() ? "none" : String.join(", ", keyAliases))
                        + ")");
            }
        } catch (KeyStoreException e) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.UNREADABLE,
                    "the key store is not loaded", e);
        }
        try {
            Key key = keyStore.getKey(chosen, keyPassword);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.WRONG_KIND,
                        "key store entry '" + chosen + "' is not a private key");
            }
            return new SigningChain(chain(keyStore, chosen), privateKey);
        } catch (UnrecoverableKeyException e) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.WRONG_PASSWORD,
                    "the password does not recover the private key of key store entry '" + chosen + "' ("
                    + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.UNREADABLE,
                    "cannot read key store entry '" + chosen + "': " + e.getMessage(), e);
        }
    }

    /** The key entry {@code alias} (or the only key entry, when null) of a PKCS#12 file. */
    public static SigningChain fromPkcs12(Path file, char[] password, String alias) {
        KeyStore keyStore;
        try (InputStream in = Files.newInputStream(file)) {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException;
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN,
                    wrongPassword ? ConfigurationProblem.WRONG_PASSWORD : ConfigurationProblem.UNREADABLE,
                    String.valueOf(file), file + (wrongPassword ? ": the password does not open this PKCS#12 key store: "
                            : ": cannot read PKCS#12 key store: ") + e.getMessage(), e);
        }
        try {
            return fromKeyStore(keyStore, alias, password);
        } catch (TLSConfigurationException e) {
            throw new TLSConfigurationException(e.option(), e.problem(), String.valueOf(file),
                    file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> privateKeyAliases(KeyStore keyStore) throws KeyStoreException {
        List<String> aliases = new ArrayList<>();
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
                aliases.add(alias);
            }
        }
        return aliases;
    }

    private static String onlyKeyAlias(KeyStore keyStore, List<String> keyAliases) throws KeyStoreException {
        if (keyAliases.size() == 1) {
            return keyAliases.get(0);
        }
        if (keyAliases.isEmpty()) {
            List<String> others = Collections.list(keyStore.aliases());
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.MISSING,
                    "the key store holds no private key entry" + (others.isEmpty() ? " (it is empty)"
                    : " (its entries: " + String.join(", ", others) + ")"));
        }
        throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.AMBIGUOUS,
                "the key store holds " + keyAliases.size() + " private key entries (" + String.join(", ", keyAliases)
                + "): name the one to use by its alias");
    }

    private static List<X509Certificate> chain(KeyStore keyStore, String alias) throws KeyStoreException {
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
        return chain;
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
