package io.siotls.spring.autoconfigure.bundle;

import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.trust.TrustStore;
import io.siotls.trust.TrustStores;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * The key and trust material of a {@link TLSConfiguration} as in-memory PKCS#12 key stores, for
 * what reads Spring Boot SSL bundles (Actuator's SSL info, health and metrics; key manager
 * factories). The key store holds one entry per signing chain ({@code siotls-0},
 * {@code siotls-1}, ...), the trust store the trust anchors — none when they are the JDK's own,
 * as in Boot's bundles. A raw-public-key configuration has no key store: a raw key has no
 * certificate to hold.
 */
final class ConfigurationKeyStores {

    /** Alias prefix of the key entries. */
    static final String ALIAS_PREFIX = "siotls-";

    private static volatile TrustStore system;

    private ConfigurationKeyStores() {
    }

    /** The stores of {@code configuration}, the key entries protected by a random password. */
    static SslStoreBundle of(TLSConfiguration configuration) {
        String password = randomPassword();
        return SslStoreBundle.of(keyStore(configuration.signingChains(), password.toCharArray()), password,
                trustStore(configuration.truststore()));
    }

    private static KeyStore keyStore(List<SigningChain> chains, char[] password) {
        if (chains.isEmpty()) {
            return null;
        }
        KeyStore store = emptyStore();
        try {
            for (int i = 0; i < chains.size(); i++) {
                SigningChain chain = chains.get(i);
                store.setKeyEntry(ALIAS_PREFIX + i, chain.privateKey(), password,
                        chain.chain().toArray(X509Certificate[]::new));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the signing chains in a PKCS#12 key store: " + e.getMessage(), e);
        }
        return store;
    }

    private static KeyStore trustStore(TrustStore truststore) {
        if (truststore == null || truststore.equals(system())) {
            return null;
        }
        KeyStore store = emptyStore();
        int i = 0;
        try {
            for (X509Certificate anchor : truststore.trustAnchors()) {
                store.setCertificateEntry("anchor-" + i++, anchor);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hold the trust anchors in a PKCS#12 key store: " + e.getMessage(), e);
        }
        return store;
    }

    private static TrustStore system() {
        TrustStore known = system;
        if (known == null) {
            known = TrustStores.system();
            system = known;
        }
        return known;
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK has no PKCS#12 key store: " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
