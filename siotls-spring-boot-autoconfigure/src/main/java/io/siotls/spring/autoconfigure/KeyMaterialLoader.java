package io.siotls.spring.autoconfigure;

import io.siotls.SigningChain;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.pem.CertificateLoader;
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

/** Loads certificates, keys and trust anchors from the resources properties point to, naming the property at fault. */
final class KeyMaterialLoader {

    private final ResourceLoader resourceLoader;

    KeyMaterialLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    /** The certificate chain in {@code resource}, the value of {@code property}. */
    List<X509Certificate> certificates(Resource resource, String property) {
        byte[] content = ResourceContent.read(resource, property);
        return loading(property, "a PEM file of certificates, end-entity first",
                () -> CertificateLoader.loadCertificates(content, ResourceContent.describe(resource)));
    }

    /** The private key in {@code resource}, decrypted with {@code password} when it is encrypted. */
    PrivateKey privateKey(Resource resource, String password, String property) {
        byte[] content = ResourceContent.read(resource, property);
        char[] secret = password == null ? null : password.toCharArray();
        return loading(property, "a PEM or DER private key, and that " + property + "-password is its password",
                () -> PrivateKeyLoader.loadPrivateKey(content, ResourceContent.describe(resource), secret));
    }

    /** The public key in {@code resource}. */
    PublicKey publicKey(Resource resource, String property) {
        byte[] content = ResourceContent.read(resource, property);
        return loading(property, "a PEM (PUBLIC KEY) or DER SubjectPublicKeyInfo file",
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

    /** A signing chain of a certificate chain and its private key. */
    SigningChain signingChain(Resource chain, String chainProperty, Resource key, String password, String keyProperty) {
        if (chain == null || key == null) {
            String missing = chain == null ? chainProperty : keyProperty;
            throw new SiotlsPropertyException(missing, "is not set",
                    "Set both " + chainProperty + " and " + keyProperty + ".");
        }
        return new SigningChain(certificates(chain, chainProperty), privateKey(key, password, keyProperty));
    }

    /** The trust store named by a truststore property: {@code system}, or the location of a PEM bundle. */
    TrustStore truststore(String location, String property) {
        if (location.trim().toLowerCase(Locale.ROOT).equals(SiotlsSideProperties.SYSTEM_TRUSTSTORE)) {
            return loading(property, "readable: the JDK default trust store (javax.net.ssl.trustStore) must hold CA certificates",
                    TrustStores::system);
        }
        List<X509Certificate> anchors = certificates(resourceLoader.getResource(location.trim()), property);
        return TrustStores.fromCertificates(anchors);
    }

    /**
     * What {@code loader} loads for {@code property}; a failure names the property, with an action
     * chosen by its {@link TLSConfigurationException#problem() problem}.
     */
    private static <T> T loading(String property, String expectation, Loader<T> loader) {
        try {
            return loader.load();
        } catch (TLSConfigurationException e) {
            throw new SiotlsPropertyException(property, e.getMessage(), action(e, property, expectation), e);
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
