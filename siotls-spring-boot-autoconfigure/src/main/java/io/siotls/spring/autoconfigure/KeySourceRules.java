package io.siotls.spring.autoconfigure;

import io.siotls.spring.autoconfigure.SiotlsServerProperties.SniChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.StringUtils;

/**
 * Refuses key and trust material properties that contradict each other or that nothing would
 * read: a key taken both from key-store and from certificate-chain/private-key, material set
 * beside a bundle, a key-store password or alias without key-store.
 */
final class KeySourceRules {

    private KeySourceRules() {
    }

    /**
     * @param prefix {@code siotls.server} or {@code siotls.client}
     * @throws SiotlsPropertyException naming the property at fault and the one it contradicts
     */
    static void check(SiotlsSideProperties side, String prefix) {
        Map<String, Object> values = keyValues(side);
        values.put("truststore", StringUtils.hasText(side.getTruststore()) ? side.getTruststore() : null);
        values.put("truststore-password", side.getTruststorePassword());
        if (side.getBundle() != null) {
            List<String> set = set(values, prefix, new ArrayList<>(values.keySet()));
            if (!set.isEmpty()) {
                throw new SiotlsPropertyException(prefix + ".bundle", "is set together with " + String.join(", ", set),
                        "Take the key and trust material either from " + prefix + ".bundle or from those properties,"
                                + " not both.");
            }
            return;
        }
        checkKeyStore(values, prefix);
        if (values.get("truststore") == null && values.get("truststore-password") != null) {
            throw unused(prefix + ".truststore-password", prefix + ".truststore");
        }
    }

    /**
     * @param prefix {@code siotls.server.sni[host]}
     * @throws SiotlsPropertyException naming the property at fault and the one it contradicts
     */
    static void check(SniChain chain, String prefix) {
        checkKeyStore(keyValues(chain), prefix);
    }

    private static void checkKeyStore(Map<String, Object> values, String prefix) {
        String keyStore = prefix + ".key-store";
        if (values.get("key-store") != null) {
            List<String> pem = set(values, prefix, List.of("certificate-chain", "private-key", "private-key-password"));
            if (!pem.isEmpty()) {
                throw new SiotlsPropertyException(keyStore, "is set together with " + String.join(", ", pem)
                        + ": a key and its certificate chain come either from a key store or from PEM files",
                        "Remove " + keyStore + " or " + String.join(" and ", pem) + ".");
            }
            return;
        }
        List<String> orphans = set(values, prefix, List.of("key-store-password", "key-alias", "key-password"));
        if (!orphans.isEmpty()) {
            throw unused(orphans.get(0), keyStore);
        }
    }

    private static SiotlsPropertyException unused(String property, String missing) {
        return new SiotlsPropertyException(property, "is set without " + missing + ", so nothing would read it",
                "Set " + missing + ", or remove " + property + ".");
    }

    private static Map<String, Object> keyValues(SiotlsKeyProperties key) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("certificate-chain", key.getCertificateChain());
        values.put("private-key", key.getPrivateKey());
        values.put("private-key-password", key.getPrivateKeyPassword());
        values.put("key-store", key.getKeyStore());
        values.put("key-store-password", key.getKeyStorePassword());
        values.put("key-alias", key.getKeyAlias());
        values.put("key-password", key.getKeyPassword());
        return values;
    }

    /** The full names of those of {@code names} that have a value. */
    private static List<String> set(Map<String, Object> values, String prefix, List<String> names) {
        List<String> set = new ArrayList<>();
        for (String name : names) {
            if (values.get(name) != null) {
                set.add(prefix + "." + name);
            }
        }
        return set;
    }
}
