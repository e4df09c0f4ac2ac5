package io.siotls.spring.autoconfigure.bundle;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.CurrentConfiguration;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsNamedClients;
import io.siotls.spring.autoconfigure.SiotlsNamedClients.NamedClient;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import io.siotls.spring.autoconfigure.SiotlsPropertyException;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Registers the siotls configurations as Spring Boot SSL bundles, {@value #SERVER_BUNDLE} (when
 * {@code siotls.server.*} is configured) and {@value #CLIENT_BUNDLE}: Actuator's SSL info,
 * health and certificate metrics then show siotls's certificates, and anything that takes a
 * bundle by name ({@code spring.ssl.bundle}-style properties of other libraries) gets the
 * siotls SSLContext. The key store entries are named {@code siotls-server},
 * {@code siotls-server-sni-<host name>} and {@code siotls-client}. The beans are looked up when a
 * bundle is first used, not when it is registered, since the SSL bundle registry is itself needed
 * to build them. Each named client {@code siotls.clients.<name>} is the bundle {@code siotls-<name>}
 * ({@link SiotlsNamedClients}), its key store entry named {@code siotls-client}.
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
public class SiotlsSslBundleAutoConfiguration {

    /** Name of the server bundle. */
    public static final String SERVER_BUNDLE = "siotls-server";

    /** Name of the client bundle. */
    public static final String CLIENT_BUNDLE = "siotls-client";

    @Bean
    SslBundleRegistrar siotlsSslBundleRegistrar(BeanFactory beans) {
        return registry -> {
            if (beans.containsBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)) {
                registry.registerBundle(SERVER_BUNDLE, bundle(beans, SiotlsAutoConfiguration.SERVER_SSL_CONTEXT,
                        SiotlsAutoConfiguration.SERVER_CONFIGURATION, Side.SERVER, () -> sniHosts(beans)));
            }
            if (beans.containsBean(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)) {
                registry.registerBundle(CLIENT_BUNDLE, bundle(beans, SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT,
                        SiotlsAutoConfiguration.CLIENT_CONFIGURATION, Side.CLIENT, List::of));
            }
            for (String name : namedClients(beans)) {
                register(registry, name, namedBundle(beans, name));
            }
        };
    }

    /** The names of {@code siotls.clients}, in order; none without the properties or the named clients bean. */
    private static List<String> namedClients(BeanFactory beans) {
        SiotlsProperties properties = beans.getBeanProvider(SiotlsProperties.class).getIfAvailable();
        if (properties == null || !beans.containsBean(SiotlsNamedClients.BEAN)) {
            return List.of();
        }
        return List.copyOf(properties.getClients().keySet());
    }

    private static void register(SslBundleRegistry registry, String name, SslBundle bundle) {
        String bundleName = SiotlsNamedClients.bundleName(name);
        if (registry instanceof SslBundles existing && existing.getBundleNames().contains(bundleName)) {
            throw new SiotlsPropertyException("siotls.clients." + name, "its SSL bundle name " + bundleName
                    + " is already taken by another bundle (spring.ssl.bundle.*." + bundleName + ")",
                    "Rename the named client or the other bundle: siotls registers siotls.clients." + name
                            + " as the bundle " + bundleName + ".");
        }
        registry.registerBundle(bundleName, bundle);
    }

    private static SiotlsSslBundle namedBundle(BeanFactory beans, String name) {
        Supplier<NamedClient> client = () -> beans.getBean(SiotlsNamedClients.BEAN, SiotlsNamedClients.class).get(name);
        Supplier<SSLContext> context = () -> client.get().context();
        return new SiotlsSslBundle(context, () -> client.get().currentConfiguration(), List::of);
    }

    /** The host names of {@code siotls.server.sni}, in order; none without the properties. */
    private static List<String> sniHosts(BeanFactory beans) {
        SiotlsProperties properties = beans.getBeanProvider(SiotlsProperties.class).getIfAvailable();
        return properties == null ? List.of() : List.copyOf(properties.getServer().getSni().keySet());
    }

    private static SiotlsSslBundle bundle(BeanFactory beans, String contextBean, String configurationBean, Side side,
            Supplier<List<String>> sniHosts) {
        Supplier<SSLContext> context = () -> beans.getBean(contextBean, SSLContext.class);
        return new SiotlsSslBundle(context, CurrentConfiguration.of(context,
                () -> beans.getBean(configurationBean, TLSConfiguration.class), side), sniHosts);
    }
}
