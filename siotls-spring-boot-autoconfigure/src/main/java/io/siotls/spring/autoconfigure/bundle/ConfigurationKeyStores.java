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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * The key and trust material of a {@link TLSConfiguration} as in-memory PKCS#12 key stores, for
 * what reads Spring Boot SSL bundles (Actuator's SSL info, health and metrics; key manager
 * factories). The key store holds one entry per signing chain, named for what it is: the side's
 * own chain {@code siotls-server} or {@code siotls-client}, each SNI chain
 * {@code siotls-server-sni-<host name>}; the trust store holds the trust anchors — none when they
 * are the JDK's own, as in Boot's bundles. A raw-public-key configuration has no key store: a raw
 * key has no certificate to hold.
 */
final class ConfigurationKeyStores {

    /** Alias prefix of the key entries, followed by the side: {@code siotls-server}, {@code siotls-client}. */
    static final String ALIAS_PREFIX = "siotls-";

    /** What follows the side's alias in the alias of an SNI chain, before its host name. */
    static final String SNI_INFIX = "-sni-";

    private static volatile TrustStore system;

    private ConfigurationKeyStores() {
    }

    /**
     * The stores of {@code configuration}, the key entries protected by a random password.
     *
     * @param sniHosts the host names of the SNI chains ({@code siotls.server.sni}), in the order
     *        the configuration holds the chains after its own
     */
    static SslStoreBundle of(TLSConfiguration configuration, List<String> sniHosts) {
        String password = randomPassword();
        return SslStoreBundle.of(keyStore(configuration.signingChains(), aliases(configuration, sniHosts),
                password.toCharArray()), password, trustStore(configuration.truststore()));
    }

    /**
     * The alias of each of {@code configuration}'s signing chains: the side's for its own chain,
     * then one per SNI host name. Chains the host names do not account for (a configuration not
     * made from the properties) are numbered after the side's alias.
     */
    static List<String> aliases(TLSConfiguration configuration, List<String> sniHosts) {
        String side = ALIAS_PREFIX + configuration.side().name().toLowerCase(Locale.ROOT);
        List<SigningChain> chains = configuration.signingChains();
        boolean ownChain = !configuration.certificateChain().isEmpty();
        boolean named = chains.size() == (ownChain ? 1 : 0) + sniHosts.size();
        List<String> aliases = new ArrayList<>(chains.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < chains.size(); i++) {
            String alias;
            if (ownChain && i == 0) {
                alias = side;
            } else if (named) {
                alias = side + SNI_INFIX + sniHosts.get(ownChain ? i - 1 : i);
            } else {
                alias = side + "-" + i;
            }
            if (!taken.add(alias.toLowerCase(Locale.ROOT))) {
                alias = alias + "-" + i;
                taken.add(alias.toLowerCase(Locale.ROOT));
            }
            aliases.add(alias);
        }
        return aliases;
    }

    private static KeyStore keyStore(List<SigningChain> chains, List<String> aliases, char[] password) {
        if (chains.isEmpty()) {
            return null;
        }
        KeyStore store = emptyStore();
        try {
            for (int i = 0; i < chains.size(); i++) {
                SigningChain chain = chains.get(i);
                store.setKeyEntry(aliases.get(i), chain.privateKey(), password,
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
