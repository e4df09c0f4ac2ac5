package io.siotls.spring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The effective properties of each named client {@code siotls.clients.<name>}: {@code siotls.client}'s,
 * overridden by the name's own. Key material and trust material are inherited as a whole: a name
 * that sets any property of a group gets none of {@code siotls.client}'s in that group, so that a
 * name's {@code certificate-chain} never meets the default client's {@code key-store}.
 */
final class NamedClientProperties {

    /** Prefix of the named clients' properties. */
    static final String PREFIX = "siotls.clients";

    /** What a name may be: lower-case letters, digits and single hyphens, as the bundle name {@code siotls-<name>} takes it. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final List<String> KEY_GROUP = List.of("certificate-chain", "private-key", "private-key-password",
            "key-store", "key-store-password", "key-alias", "key-password", "public-key", "bundle");

    private static final List<String> TRUST_GROUP = List.of("truststore", "truststore-password", "trusted-public-keys",
            "bundle", "insecure-no-peer-verification");

    private NamedClientProperties() {
    }

    /** {@code siotls.clients.<name>}, the prefix of {@code name}'s properties. */
    static String prefix(String name) {
        return PREFIX + "." + name;
    }

    /**
     * The effective properties of each name {@code names} holds, in order.
     *
     * @throws SiotlsPropertyException naming {@code siotls.clients.<name>} when a name is not one
     *         a bundle can be named by or would clash with a siotls bundle or key store alias
     */
    static Map<String, SiotlsClientProperties> resolve(Iterable<String> names, Environment environment,
            ResourceLoader resourceLoader) {
        Map<String, SiotlsClientProperties> resolved = new LinkedHashMap<>();
        Binder binder = null;
        for (String name : names) {
            check(name);
            if (binder == null) {
                binder = SiotlsPropertyCheck.binder(environment, resourceLoader);
            }
            resolved.put(name, resolve(name, binder, environment));
        }
        return resolved;
    }

    private static SiotlsClientProperties resolve(String name, Binder binder, Environment environment) {
        SiotlsClientProperties effective = new SiotlsClientProperties();
        binder.bind(TLSConfigurationFactory.CLIENT, Bindable.ofInstance(effective));
        String prefix = prefix(name);
        if (setsAny(environment, prefix, KEY_GROUP)) {
            clearKeyMaterial(effective);
        }
        if (setsAny(environment, prefix, TRUST_GROUP)) {
            clearTrustMaterial(effective);
        }
        binder.bind(prefix, Bindable.ofInstance(effective));
        return effective;
    }

    /**
     * @throws SiotlsPropertyException when {@code name} cannot name the bundle {@code siotls-<name>},
     *         or its bundle would be taken for the server's, the default client's or a server key store alias
     */
    static void check(String name) {
        String property = prefix(name);
        if (!NAME.matcher(name).matches()) {
            throw new SiotlsPropertyException(property, "'" + name + "' is not a client name: a name is lower-case "
                    + "letters, digits and single hyphens, as the SSL bundle siotls-<name> takes it",
                    "Rename it, for example to " + PREFIX + "." + suggestion(name) + ".");
        }
        if (name.equals("client") || name.equals("server") || name.startsWith("server-")) {
            throw new SiotlsPropertyException(property, "the name '" + name + "' would make the SSL bundle siotls-"
                    + name + ", which clashes with siotls's own bundles (siotls-server, siotls-client) and the server's "
                    + "key store aliases (siotls-server-sni-<host>)", "Name the client after what it calls, such as "
                    + PREFIX + ".payments; the default client is " + TLSConfigurationFactory.CLIENT + ".");
        }
    }

    private static String suggestion(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return lower.isEmpty() ? "payments" : lower;
    }

    private static boolean setsAny(Environment environment, String prefix, List<String> properties) {
        return properties.stream().anyMatch(property ->
                SiotlsPropertyCheck.isSet(environment, ConfigurationPropertyName.of(prefix + "." + property)));
    }

    private static void clearKeyMaterial(SiotlsClientProperties properties) {
        properties.setCertificateChain(null);
        properties.setPrivateKey(null);
        properties.setPrivateKeyPassword(null);
        properties.setKeyStore(null);
        properties.setKeyStorePassword(null);
        properties.setKeyAlias(null);
        properties.setKeyPassword(null);
        properties.setPublicKey(null);
        properties.setBundle(null);
    }

    private static void clearTrustMaterial(SiotlsClientProperties properties) {
        properties.setTruststore(null);
        properties.setTruststorePassword(null);
        properties.setTrustedPublicKeys(new ArrayList<>());
        properties.setBundle(null);
        properties.setInsecureNoPeerVerification(false);
    }
}
