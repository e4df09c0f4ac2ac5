package io.siotls.spring.autoconfigure;

import io.siotls.spring.autoconfigure.actuator.SiotlsHealthProperties;
import io.siotls.spring.autoconfigure.devcerts.SiotlsDevCertificatesProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.support.ResourceEditorRegistrar;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * Refuses the {@code siotls.*} properties that would leave TLS off without a word: an unknown
 * property (a misspelt {@code certificate-chain} would turn the server into a plain HTTP one), and
 * server key material without the certificate (or public key) it belongs to.
 */
final class SiotlsPropertyCheck {

    private static final ConfigurationPropertyName HEALTH = ConfigurationPropertyName.of("siotls.health");
    private static final ConfigurationPropertyName DEV_CERTIFICATES = ConfigurationPropertyName.of("siotls.dev-certificates");

    /** Server properties that only make sense with a certificate or public key to present. */
    private static final List<String> SERVER_KEY_COMPANIONS = List.of("private-key", "private-key-password",
            "key-store-password", "key-alias", "key-password", "truststore", "truststore-password",
            "trusted-public-keys", "client-auth", "ocsp-response");

    private SiotlsPropertyCheck() {
    }

    /**
     * Binds the {@code siotls.*} properties as Spring Boot does with
     * {@code ignoreUnknownFields = false}, every properties class under {@code siotls} together.
     *
     * @throws UnknownSiotlsPropertyException naming the first unknown property, and the valid
     *         one nearest to it
     */
    static void refuseUnknown(Environment environment, ResourceLoader resourceLoader) {
        Binder binder = binder(environment, resourceLoader);
        List<ConfigurationProperty> unknown = new ArrayList<>();
        for (ConfigurationProperty property : unbound(binder, "siotls", SiotlsProperties.class)) {
            if (!HEALTH.isAncestorOf(property.getName()) && !DEV_CERTIFICATES.isAncestorOf(property.getName())) {
                unknown.add(property);
            }
        }
        unknown.addAll(unbound(binder, HEALTH.toString(), SiotlsHealthProperties.class));
        unknown.addAll(unbound(binder, DEV_CERTIFICATES.toString(), SiotlsDevCertificatesProperties.class));
        if (unknown.isEmpty()) {
            return;
        }
        unknown.sort(Comparator.comparing(ConfigurationProperty::getName));
        ConfigurationProperty first = unknown.get(0);
        String name = first.getName().toString();
        String suggestion = SiotlsPropertyNames.nearest(first.getName());
        StringBuilder problem = new StringBuilder("is not a siotls property");
        if (first.getOrigin() != null) {
            problem.append(" (set in ").append(first.getOrigin()).append(')');
        }
        problem.append("; siotls refuses to start rather than leave an option, or TLS itself, off");
        if (unknown.size() > 1) {
            problem.append(". Other unknown properties: ").append(unknown.stream().skip(1)
                    .map(property -> property.getName().toString()).collect(Collectors.joining(", ")));
        }
        String action;
        if (suggestion != null) {
            action = "Did you mean " + suggestion + "? Rename " + name + " to " + suggestion + ".";
        } else {
            String names = SiotlsPropertyNames.namesAt(first.getName());
            action = "Remove " + name + ", or correct its name"
                    + (names == null || names.isEmpty() ? "." : "; the properties at its level are: " + names + ".");
        }
        throw new UnknownSiotlsPropertyException(name, problem.toString(), action, suggestion, null);
    }

    /** A binder of {@code environment} that reads resources (files, class path) as the properties beans do. */
    static Binder binder(Environment environment, ResourceLoader resourceLoader) {
        ResourceLoader loader = resourceLoader != null ? resourceLoader : new DefaultResourceLoader();
        return new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment), ApplicationConversionService.getSharedInstance(),
                registry -> new ResourceEditorRegistrar(loader, environment).registerCustomEditors(registry));
    }

    private static List<ConfigurationProperty> unbound(Binder binder, String prefix, Class<?> type) {
        try {
            binder.bind(prefix, Bindable.of(type),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT, new UnboundElementsSourceFilter()));
            return List.of();
        } catch (BindException e) {
            if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
                return new ArrayList<>(unbound.getUnboundProperties());
            }
            // An invalid value: the binding of the properties bean reports it, naming the property.
            return List.of();
        }
    }

    /**
     * @param hasKey whether the server has a certificate chain, key store, public key, bundle or SNI chain
     * @throws SiotlsPropertyException when server key or trust material is set without a
     *         certificate or public key to go with it: the server must not fall back to plain HTTP
     */
    static void refusePartialServerKeyMaterial(Environment environment, boolean hasKey) {
        if (hasKey) {
            return;
        }
        List<String> set = new ArrayList<>();
        for (String companion : SERVER_KEY_COMPANIONS) {
            String property = TLSConfigurationFactory.SERVER + "." + companion;
            if (isSet(environment, ConfigurationPropertyName.of(property))) {
                set.add(property);
            }
        }
        if (set.isEmpty()) {
            return;
        }
        String server = TLSConfigurationFactory.SERVER;
        throw new SiotlsPropertyException(server + ".certificate-chain",
                "is not set (nor " + server + ".key-store, " + server + ".public-key, " + server + ".bundle or "
                        + server + ".sni), but "
                        + String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                        + ": the server has no certificate to present, and would otherwise serve plain HTTP",
                "Set " + server + ".certificate-chain (the certificate chain of " + server + ".private-key), or "
                        + server + ".key-store, " + server + ".public-key, " + server + ".bundle or an " + server
                        + ".sni entry; or remove "
                        + String.join(", ", set) + " if the server is not meant to serve TLS.");
    }

    /** Whether {@code name}, or a property under it, is set in {@code environment}. */
    static boolean isSet(Environment environment, ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null
                    || source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }
}
