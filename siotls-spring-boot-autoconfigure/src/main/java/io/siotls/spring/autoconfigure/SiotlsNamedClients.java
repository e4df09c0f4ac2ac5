package io.siotls.spring.autoconfigure;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.net.ssl.SSLContext;

/**
 * The named client configurations {@code siotls.clients.<name>}, each with its own
 * {@link TLSConfiguration} and {@link SSLContext}, registered as the SSL bundle
 * {@code siotls-<name>} ({@link #bundleName}). Built at startup, so that a configuration error
 * fails the start naming the name's property. The bean {@value #BEAN}; empty when no name is
 * configured.
 */
public final class SiotlsNamedClients {

    /** Name of the bean. */
    public static final String BEAN = "siotlsNamedClients";

    /** Prefix of every siotls bundle name; the named clients' are {@code siotls-<name>}. */
    public static final String BUNDLE_PREFIX = "siotls-";

    /**
     * One named client.
     *
     * @param name its name, the key under {@code siotls.clients}
     * @param properties its effective properties: {@code siotls.client}'s overridden by its own
     * @param configuration the configuration it was built with (its context's current one may be a reloaded one)
     * @param context its SSLContext
     */
    public record NamedClient(String name, SiotlsClientProperties properties, TLSConfiguration configuration,
            SSLContext context) {

        /** {@code siotls.clients.<name>}, the prefix failures and logs name its properties by. */
        public String prefix() {
            return NamedClientProperties.prefix(name);
        }

        /** {@code siotls-<name>}, its SSL bundle. */
        public String bundleName() {
            return SiotlsNamedClients.bundleName(name);
        }

        /** The configuration its new connections get, which follows reloads. */
        public TLSConfiguration currentConfiguration() {
            return CurrentConfiguration.of(() -> context, () -> configuration, Side.CLIENT).get();
        }
    }

    private final Map<String, NamedClient> clients;

    SiotlsNamedClients(Map<String, NamedClient> clients) {
        this.clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    }

    /**
     * Builds every name's configuration and context.
     *
     * @param properties each name's effective properties
     * @param contexts makes a name's context from its configuration and properties
     * @throws SiotlsPropertyException naming the property at fault under {@code siotls.clients.<name>}
     */
    static SiotlsNamedClients build(Map<String, SiotlsClientProperties> properties, TLSConfigurationFactory factory,
            ContextMaker contexts) {
        Map<String, NamedClient> clients = new LinkedHashMap<>();
        properties.forEach((name, client) -> {
            TLSConfiguration configuration = factory.client(client, NamedClientProperties.prefix(name));
            clients.put(name, new NamedClient(name, client, configuration, contexts.make(configuration, client)));
        });
        return new SiotlsNamedClients(clients);
    }

    /** How a context is made for a configuration: on siotls, or on SunJSSE with {@code siotls.implementation=jsse}. */
    interface ContextMaker {
        SSLContext make(TLSConfiguration configuration, SiotlsClientProperties properties);
    }

    /** The named clients by name, in the order they are configured. */
    public Map<String, NamedClient> all() {
        return clients;
    }

    /**
     * The client named {@code name}.
     *
     * @throws NoSuchElementException naming the names there are, when there is none of that name
     */
    public NamedClient get(String name) {
        NamedClient client = clients.get(name);
        if (client == null) {
            throw new NoSuchElementException("there is no siotls.clients." + name + " (named clients: " + clients.keySet() + ")");
        }
        return client;
    }

    /** {@code siotls-<name>}: the SSL bundle of the named client {@code name}. */
    public static String bundleName(String name) {
        return BUNDLE_PREFIX + name;
    }
}
