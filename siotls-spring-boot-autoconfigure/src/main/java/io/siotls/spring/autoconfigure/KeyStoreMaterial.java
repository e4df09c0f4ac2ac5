package io.siotls.spring.autoconfigure;

import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.pem.KeyStoreLoader;
import io.siotls.trust.TrustStore;
import io.siotls.trust.TrustStores;
import java.security.KeyStore;
import org.springframework.core.io.Resource;

/**
 * Loads the PKCS#12 and JKS key stores that {@code key-store} and {@code truststore} properties
 * name, each failure naming the property to change: the store, its password, the key alias or
 * the key password.
 */
final class KeyStoreMaterial {

    private KeyStoreMaterial() {
    }

    /**
     * The {@code key-store}, {@code key-store-password}, {@code key-alias} and {@code key-password}
     * properties under {@code prefix}.
     */
    record KeyStoreProperties(String prefix, Resource keyStore, String keyStorePassword, String keyAlias,
            String keyPassword) {

        static KeyStoreProperties of(SiotlsKeyProperties key, String prefix) {
            return new KeyStoreProperties(prefix, key.getKeyStore(), key.getKeyStorePassword(), key.getKeyAlias(),
                    key.getKeyPassword());
        }

        String property(String name) {
            return prefix + "." + name;
        }
    }

    /**
     * The private key entry of {@code properties.keyStore()}: the one {@code key-alias} names, or
     * its only one; checked to be a key and chain a configuration can present.
     *
     * @throws SiotlsPropertyException naming the property at fault
     */
    static SigningChain signingChain(KeyStoreProperties properties) {
        String storeProperty = properties.property("key-store");
        String passwordProperty = properties.property("key-store-password");
        Resource resource = properties.keyStore();
        if (properties.keyStorePassword() == null) {
            throw new SiotlsPropertyException(passwordProperty, "is not set, and the key store "
                    + ResourceContent.describe(resource) + " cannot be opened without its password",
                    "Set " + passwordProperty + " to the password of " + storeProperty + ".");
        }
        KeyStore store = load(ResourceContent.read(resource, storeProperty), resource, properties.keyStorePassword(),
                ConfigurationOption.SIGNING_CHAIN, storeProperty, "PEM files go to " + properties.property("certificate-chain") + " and "
                        + properties.property("private-key") + " instead of " + storeProperty + ".");
        String keyPassword = properties.keyPassword() != null ? properties.keyPassword() : properties.keyStorePassword();
        SigningChain chain;
        try {
            chain = SigningChain.fromKeyStore(store, properties.keyAlias(), keyPassword.toCharArray());
        } catch (TLSConfigurationException e) {
            throw entryFailure(e, properties);
        }
        requireUsable(chain, resource, storeProperty);
        return chain;
    }

    /**
     * The trusted certificate entries of the key store {@code content} read from {@code resource}.
     *
     * @throws SiotlsPropertyException naming {@code property} or its {@code -password}
     */
    static TrustStore truststore(byte[] content, Resource resource, String password, String property) {
        String passwordProperty = property + "-password";
        KeyStore store = load(content, resource, password, ConfigurationOption.TRUSTSTORE, property,
                "Check that " + property + " is a PEM bundle of CA certificates, or a PKCS#12 or JKS key store.");
        try {
            return TrustStores.fromKeyStore(store);
        } catch (TLSConfigurationException e) {
            String action = "Check that " + ResourceContent.describe(resource) + " holds the CA certificates to trust as"
                    + " trusted certificate entries (keytool -importcert); this side's own key goes to key-store.";
            if (e.problem() == ConfigurationProblem.EMPTY && password == null) {
                action = "Set " + passwordProperty + ": the certificates of a PKCS#12 file cannot be read without it. "
                        + action;
            }
            throw new SiotlsPropertyException(property, ResourceContent.describe(resource) + ": " + e.getMessage(),
                    action, e);
        }
    }

    /**
     * The key store {@code content}, read from {@code resource} for {@code property}, whose password
     * is {@code property}{@code -password}.
     */
    private static KeyStore load(byte[] content, Resource resource, String password, ConfigurationOption option,
            String property, String wrongKindAction) {
        String passwordProperty = property + "-password";
        String description = ResourceContent.describe(resource);
        try {
            return KeyStoreLoader.load(content, description, password == null ? null : password.toCharArray(), option);
        } catch (TLSConfigurationException e) {
            if (e.problem() == ConfigurationProblem.WRONG_PASSWORD) {
                String reason = e.getCause() != null && e.getCause().getMessage() != null
                        ? " (" + e.getCause().getMessage() + ")" : "";
                throw new SiotlsPropertyException(passwordProperty, "does not open " + description + reason,
                        "Set " + passwordProperty + " to the password " + property + " was written with.", e);
            }
            String action = e.problem() == ConfigurationProblem.WRONG_KIND ? wrongKindAction
                    : "Check that " + property + " is a whole PKCS#12 or JKS key store file.";
            throw new SiotlsPropertyException(property, e.getMessage(), action, e);
        }
    }

    /** A failure to take the private key entry out of a loaded store, named after the property to change. */
    private static SiotlsPropertyException entryFailure(TLSConfigurationException failure, KeyStoreProperties properties) {
        String problem = ResourceContent.describe(properties.keyStore()) + ": " + failure.getMessage();
        String alias = properties.property("key-alias");
        String store = properties.property("key-store");
        return switch (failure.problem()) {
            case AMBIGUOUS, WRONG_KIND -> new SiotlsPropertyException(alias, problem,
                    "Set " + alias + " to the alias of the private key entry to present, one of those listed.", failure);
            case MISSING -> properties.keyAlias() != null
                    ? new SiotlsPropertyException(alias, problem, "Set " + alias
                            + " to the alias of one of the private key entries listed.", failure)
                    : new SiotlsPropertyException(store, problem, "Give " + store + " a key store holding a private"
                            + " key entry (a key and its certificate chain, as openssl pkcs12 -export or keytool"
                            + " -genkeypair make); a store of CA certificates to trust is a truststore.", failure);
            case WRONG_PASSWORD -> properties.keyPassword() != null
                    ? new SiotlsPropertyException(properties.property("key-password"), problem, "Set "
                            + properties.property("key-password") + " to the password of the entry's key.", failure)
                    : new SiotlsPropertyException(properties.property("key-store-password"), problem,
                            "The entry's key has a password of its own: set " + properties.property("key-password")
                                    + " to it.", failure);
            default -> new SiotlsPropertyException(store, problem, "Check the private key entry of " + store + ".",
                    failure);
        };
    }

    /** Fails naming {@code property} unless {@code chain} is a key and chain a configuration can present. */
    private static void requireUsable(SigningChain chain, Resource resource, String property) {
        try {
            TLSConfiguration.server().certificateChain(chain.chain()).privateKey(chain.privateKey()).build();
        } catch (TLSConfigurationException e) {
            String action = switch (e.problem()) {
                case KEY_MISMATCH -> "Store the private key with its own certificate in " + property + ".";
                case WRONG_ORDER -> "Store the chain of the entry in order in " + property
                        + ": its certificate first, then each certificate's issuer.";
                case UNSUPPORTED, KEY_CANNOT_SIGN -> "Give " + property + " a key TLS 1.3 signs with: RSA, RSASSA-PSS,"
                        + " EC (P-256, P-384, P-521), Ed25519 or Ed448.";
                default -> "Check the private key entry of " + property + ".";
            };
            throw new SiotlsPropertyException(property, ResourceContent.describe(resource) + ": " + e.getMessage(),
                    action, e);
        }
    }
}
