package io.siotls.spring.autoconfigure;

import io.siotls.SigningChain;
import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.trust.TrustStore;
import io.siotls.trust.TrustStores;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslBundles;

/** The key and trust material of a Spring Boot SSL bundle, named by a {@code bundle} property. */
record BundleMaterial(SigningChain signingChain, TrustStore truststore) {

    /** Reads bundle {@code name}; {@code property} names the bundle property in failures. */
    static BundleMaterial load(SslBundles bundles, String name, String property) {
        if (bundles == null) {
            throw new SiotlsPropertyException(property, "no SslBundles bean exists to look bundle '" + name + "' up in",
                    "Define the bundle under spring.ssl.bundle.pem." + name + " or spring.ssl.bundle.jks." + name + ".");
        }
        SslBundle bundle;
        try {
            bundle = bundles.getBundle(name);
        } catch (NoSuchSslBundleException e) {
            throw new SiotlsPropertyException(property, "there is no SSL bundle named '" + name + "' (bundles: "
                    + bundles.getBundleNames() + ")", "Set " + property + " to the name of a bundle defined under spring.ssl.bundle.", e);
        }
        try {
            return new BundleMaterial(signingChain(bundle, name),
                    bundle.getStores().getTrustStore() == null ? null : TrustStores.fromKeyStore(bundle.getStores().getTrustStore()));
        } catch (TLSConfigurationException e) {
            throw new SiotlsPropertyException(property, "SSL bundle '" + name + "': " + e.getMessage(),
                    "Check the key store, key alias and passwords of SSL bundle '" + name + "'.", e);
        }
    }

    private static SigningChain signingChain(SslBundle bundle, String name) {
        KeyStore keyStore = bundle.getStores().getKeyStore();
        if (keyStore == null) {
            return null;
        }
        SslBundleKey key = bundle.getKey();
        String password = key.getPassword() != null ? key.getPassword() : bundle.getStores().getKeyStorePassword();
        String alias = key.getAlias() != null ? key.getAlias() : onlyKeyAlias(keyStore, name);
        return SigningChain.fromKeyStore(keyStore, alias, password == null ? new char[0] : password.toCharArray());
    }

    private static String onlyKeyAlias(KeyStore keyStore, String name) {
        List<String> aliases = new ArrayList<>();
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)) {
                    aliases.add(alias);
                }
            }
        } catch (KeyStoreException e) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.UNREADABLE,
                    "the key store is not loaded", e);
        }
        if (aliases.size() != 1) {
            throw new TLSConfigurationException(ConfigurationOption.SIGNING_CHAIN,
                    aliases.isEmpty() ? ConfigurationProblem.MISSING : ConfigurationProblem.AMBIGUOUS,
                    "the key store holds " + aliases.size() + " key entries " + aliases
                    + "; name the one to use with spring.ssl.bundle.*." + name + ".key.alias");
        }
        return aliases.get(0);
    }
}
