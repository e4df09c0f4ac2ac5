package io.siotls.spring.autoconfigure;

import io.siotls.SigningChain;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.trust.TrustStore;
import io.siotls.trust.TrustStores;
import java.security.KeyStore;
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
            return new BundleMaterial(signingChain(bundle),
                    bundle.getStores().getTrustStore() == null ? null : TrustStores.fromKeyStore(bundle.getStores().getTrustStore()));
        } catch (TLSConfigurationException e) {
            throw new SiotlsPropertyException(property, "SSL bundle '" + name + "': " + e.getMessage(),
                    "Check the key store, key alias (spring.ssl.bundle.*." + name + ".key.alias) and passwords of SSL"
                            + " bundle '" + name + "'.", e);
        }
    }

    /** The key entry the bundle's key alias names, or its only one (SigningChain#fromKeyStore lists them otherwise). */
    private static SigningChain signingChain(SslBundle bundle) {
        KeyStore keyStore = bundle.getStores().getKeyStore();
        if (keyStore == null) {
            return null;
        }
        SslBundleKey key = bundle.getKey();
        String password = key.getPassword() != null ? key.getPassword() : bundle.getStores().getKeyStorePassword();
        return SigningChain.fromKeyStore(keyStore, key.getAlias(), password == null ? new char[0] : password.toCharArray());
    }
}
