package io.siotls.spring.autoconfigure.reload;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsNamedClients;
import io.siotls.spring.autoconfigure.SiotlsNamedClients.NamedClient;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import io.siotls.spring.autoconfigure.SiotlsSideProperties;
import io.siotls.spring.autoconfigure.StartupWarnings;
import io.siotls.spring.autoconfigure.TLSConfigurationFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@code siotls.server.reload-on-update}, {@code siotls.client.reload-on-update} and
 * {@code siotls.clients.<name>.reload-on-update}: new
 * connections get the new key and trust material when its files change (or, for material taken
 * from {@code bundle}, when Spring Boot reloads that SSL bundle), without a restart. Spring
 * Boot's own file watcher is not public, hence {@link FileChangeWatcher}.
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
public class SiotlsReloadAutoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("siotls.server.reload-on-update")
    @ConditionalOnBean(name = SiotlsAutoConfiguration.SERVER_SSL_CONTEXT)
    SiotlsReloader siotlsServerReloader(@Qualifier(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT) SSLContext context,
            TLSConfigurationFactory factory, SiotlsProperties properties, ResourceLoader loader,
            ObjectProvider<SslBundles> bundles, Environment environment) {
        SiotlsReloader reloader = new SiotlsReloader(TLSConfigurationFactory.SERVER, context,
                () -> factory.server(properties.getServer()), properties.getServer(),
                StartupWarnings.window(environment), Clock.systemUTC());
        start(reloader, properties.getServer(), TLSConfigurationFactory.SERVER, properties, loader, bundles);
        return reloader;
    }

    @Bean
    @ConditionalOnBooleanProperty("siotls.client.reload-on-update")
    @ConditionalOnBean(name = SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)
    SiotlsReloader siotlsClientReloader(@Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context,
            TLSConfigurationFactory factory, SiotlsProperties properties, ResourceLoader loader,
            ObjectProvider<SslBundles> bundles, Environment environment) {
        SiotlsReloader reloader = new SiotlsReloader(TLSConfigurationFactory.CLIENT, context,
                () -> factory.client(properties.getClient()), properties.getClient(),
                StartupWarnings.window(environment), Clock.systemUTC());
        start(reloader, properties.getClient(), TLSConfigurationFactory.CLIENT, properties, loader, bundles);
        return reloader;
    }

    /** The named clients with reload-on-update, each reloaded as {@code siotls.client} is. */
    @Bean
    @ConditionalOnBean(name = SiotlsNamedClients.BEAN)
    NamedClientReloaders siotlsNamedClientReloaders(
            @Qualifier(SiotlsNamedClients.BEAN) SiotlsNamedClients clients, TLSConfigurationFactory factory,
            SiotlsProperties properties, ResourceLoader loader, ObjectProvider<SslBundles> bundles,
            Environment environment) {
        List<SiotlsReloader> reloaders = new ArrayList<>();
        for (NamedClient client : clients.all().values()) {
            if (!client.properties().isReloadOnUpdate()) {
                continue;
            }
            SiotlsReloader reloader = new SiotlsReloader(client.prefix(), client.context(),
                    () -> factory.client(client.properties(), client.prefix()), client.properties(),
                    StartupWarnings.window(environment), Clock.systemUTC());
            reloaders.add(reloader);
            start(reloader, client.properties(), client.prefix(), properties, loader, bundles);
        }
        return new NamedClientReloaders(reloaders);
    }

    private static void start(SiotlsReloader reloader, SiotlsSideProperties side, String prefix,
            SiotlsProperties properties, ResourceLoader loader, ObjectProvider<SslBundles> bundles) {
        if (side.getBundle() != null) {
            bundles.getObject().addBundleUpdateHandler(side.getBundle(), updated -> reloader.reload());
        }
        Map<String, Path> files = WatchedFiles.of(side, prefix, loader);
        if (!files.isEmpty()) {
            reloader.watch(files, properties.getReloadQuietPeriod());
        }
    }
}
