package io.siotls.spring.autoconfigure;

import io.siotls.SigningChain;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.pem.CertificateLoader;
import io.siotls.pem.KeyStoreLoader;
import io.siotls.pem.PrivateKeyLoader;
import io.siotls.pem.PublicKeyLoader;
import io.siotls.trust.TrustStore;
import io.siotls.trust.TrustStores;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads certificates, keys and trust anchors from the PEM and DER files (and the key store
 * truststores) properties point to, naming the property at fault.
 */
final class KeyMaterialLoader {

    private final ResourceLoader resourceLoader;

    KeyMaterialLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    /**
     * The certificate chain in {@code resource}, the value of {@code property}; a key store there
     * is refused with the advice to name it by {@code keyStoreProperty} instead.
     */
    List<X509Certificate> certificates(Resource resource, String property, String keyStoreProperty) {
        byte[] content = ResourceContent.read(resource, property);
        return loading(property, "a PEM file of certificates, end-entity first", keyStoreAdvice(content, keyStoreProperty),
                () -> CertificateLoader.loadCertificates(content, ResourceContent.describe(resource)));
    }

    /**
     * The private key in {@code resource}, decrypted with {@code password} when it is encrypted; a
     * key store there is refused with the advice to name it by {@code keyStoreProperty} instead.
     */
    PrivateKey privateKey(Resource resource, String password, String property, String keyStoreProperty) {
        byte[] content = ResourceContent.read(resource, property);
        char[] secret = password == null ? null : password.toCharArray();
        return loading(property, "a PEM or DER private key, and that " + property + "-password is its password",
                keyStoreAdvice(content, keyStoreProperty),
                () -> PrivateKeyLoader.loadPrivateKey(content, ResourceContent.describe(resource), secret));
    }

    /** The public key in {@code resource}. */
    PublicKey publicKey(Resource resource, String property) {
        byte[] content = ResourceContent.read(resource, property);
        return loading(property, "a PEM (PUBLIC KEY) or DER SubjectPublicKeyInfo file", null,
                () -> PublicKeyLoader.loadPublicKey(content, ResourceContent.describe(resource)));
    }

    /** The public keys in {@code resources}, each named as an entry of the list {@code property}. */
    List<PublicKey> publicKeys(List<Resource> resources, String property) {
        List<PublicKey> keys = new ArrayList<>(resources.size());
        for (int i = 0; i < resources.size(); i++) {
            keys.add(publicKey(resources.get(i), property + "[" + i + "]"));
        }
        return keys;
    }

    /**
     * A signing chain of the {@code certificate-chain} and {@code private-key} under {@code prefix}.
     *
     * @throws SiotlsPropertyException naming the one not set, or the one that cannot be loaded
     */
    SigningChain signingChain(Resource chain, Resource key, String password, String prefix) {
        String chainProperty = prefix + ".certificate-chain";
        String keyProperty = prefix + ".private-key";
        String keyStoreProperty = prefix + ".key-store";
        if (chain == null || key == null) {
            String missing = chain == null ? chainProperty : keyProperty;
            throw new SiotlsPropertyException(missing, "is not set",
                    "Set both " + chainProperty + " and " + keyProperty + ", or " + keyStoreProperty + " alone.");
        }
        return new SigningChain(certificates(chain, chainProperty, keyStoreProperty),
                privateKey(key, password, keyProperty, keyStoreProperty));
    }

    /**
     * The trust store named by a truststore property: {@code system}, or the location of a PEM
     * bundle or of a PKCS#12 or JKS key store, told apart by their content.
     *
     * @param password the key store's password ({@code property}{@code -password}); a PEM bundle
     *        and the system trust store take none
     */
    TrustStore truststore(String location, String password, String property) {
        String passwordProperty = property + "-password";
        if (location.trim().toLowerCase(Locale.ROOT).equals(SiotlsSideProperties.SYSTEM_TRUSTSTORE)) {
            refusePassword(password, passwordProperty, "the JDK's default trust store, which the JDK opens itself"
                    + " (javax.net.ssl.trustStorePassword)");
            return loading(property, "readable: the JDK default trust store (javax.net.ssl.trustStore) must hold CA certificates",
                    null, TrustStores::system);
        }
        Resource resource = resourceLoader.getResource(location.trim());
        byte[] content = ResourceContent.read(resource, property);
        if (KeyStoreLoader.typeOf(content) != null) {
            return KeyStoreMaterial.truststore(content, resource, password, property);
        }
        refusePassword(password, passwordProperty, ResourceContent.describe(resource) + ", a PEM file, which has none");
        List<X509Certificate> anchors = loading(property, "a PEM bundle of CA certificates, or a PKCS#12 or JKS key store", null,
                () -> CertificateLoader.loadCertificates(content, ResourceContent.describe(resource)));
        return TrustStores.fromCertificates(anchors);
    }

    private static void refusePassword(String password, String passwordProperty, String what) {
        if (password != null) {
            throw new SiotlsPropertyException(passwordProperty, "is set, but the truststore is " + what,
                    "Remove " + passwordProperty + ": only a PKCS#12 or JKS truststore has a password.");
        }
    }

    /** The advice to name {@code content} by {@code keyStoreProperty}, when it is a key store; else null. */
    private static String keyStoreAdvice(byte[] content, String keyStoreProperty) {
        if (keyStoreProperty == null || KeyStoreLoader.typeOf(content) == null) {
            return null;
        }
        return "It is a key store: set " + keyStoreProperty + " to it (with " + keyStoreProperty + "-password) instead"
                + " of the certificate-chain and private-key properties.";
    }

    /**
     * What {@code loader} loads for {@code property}; a failure names the property, with an action
     * chosen by its {@link TLSConfigurationException#problem() problem}, or {@code keyStoreAdvice}
     * (when not null) for content of the wrong kind.
     */
    private static <T> T loading(String property, String expectation, String keyStoreAdvice, Loader<T> loader) {
        try {
            return loader.load();
        } catch (TLSConfigurationException e) {
            String action = e.problem() == ConfigurationProblem.WRONG_KIND && keyStoreAdvice != null ? keyStoreAdvice
                    : action(e, property, expectation);
            throw new SiotlsPropertyException(property, e.getMessage(), action, e);
        }
    }

    private static String action(TLSConfigurationException failure, String property, String expectation) {
        return switch (failure.problem()) {
            case PASSWORD_REQUIRED -> "Set " + property + "-password: " + failure.source() + " is encrypted.";
            case WRONG_PASSWORD -> "Check that " + property + "-password is its password, and that "
                    + failure.source() + " is not corrupted.";
            case UNSUPPORTED -> "Check that " + property + " is " + expectation
                    + ", of a type TLS 1.3 signs with: RSA, RSASSA-PSS, EC (P-256, P-384, P-521), Ed25519 or Ed448.";
            case UNREADABLE -> "Check that " + failure.source() + ", which " + property + " names, is readable.";
            default -> "Check that " + property + " is " + expectation + ".";
        };
    }

    @FunctionalInterface
    private interface Loader<T> {
        T load();
    }
}
