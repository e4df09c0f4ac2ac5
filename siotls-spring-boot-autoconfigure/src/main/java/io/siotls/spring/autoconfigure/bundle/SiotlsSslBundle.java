package io.siotls.spring.autoconfigure.bundle;

import io.siotls.TLSConfiguration;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * A Spring Boot SSL bundle over one side of the siotls configuration: {@link #createSslContext()}
 * is the siotls SSLContext itself (never one rebuilt from managers), and the stores are
 * in-memory key stores of the configuration new connections get, so they follow reloads.
 * Everything is resolved on first use, so registering the bundle does not create the context.
 */
final class SiotlsSslBundle implements SslBundle {

    private final Supplier<SSLContext> context;
    private final Supplier<TLSConfiguration> configuration;
    private final Supplier<List<String>> sniHosts;
    private volatile Snapshot snapshot;

    /**
     * @param context the side's SSLContext
     * @param configuration the configuration the side's new connections get
     * @param sniHosts the host names of the configuration's SNI chains, which name their key
     *        store entries ({@link ConfigurationKeyStores#aliases})
     */
    SiotlsSslBundle(Supplier<SSLContext> context, Supplier<TLSConfiguration> configuration,
            Supplier<List<String>> sniHosts) {
        this.context = context;
        this.configuration = configuration;
        this.sniHosts = sniHosts;
    }

    /** The stores and key of one configuration, made once per configuration. */
    private record Snapshot(TLSConfiguration configuration, SslStoreBundle stores, SslBundleKey key) {
    }

    private Snapshot snapshot() {
        TLSConfiguration current = configuration.get();
        Snapshot known = snapshot;
        if (known == null || known.configuration() != current) {
            SslStoreBundle stores = ConfigurationKeyStores.of(current, sniHosts.get());
            known = new Snapshot(current, stores, SslBundleKey.of(stores.getKeyStorePassword()));
            snapshot = known;
        }
        return known;
    }

    @Override
    public SslStoreBundle getStores() {
        return snapshot().stores();
    }

    @Override
    public SslBundleKey getKey() {
        return snapshot().key();
    }

    /**
     * {@link SslOptions#NONE}: the context itself enforces TLS 1.3 and the configured cipher
     * suites on every engine and socket it makes, so there is nothing for a client to narrow.
     * Options left unspecified are what Spring Boot's MongoDB, Cassandra and Couchbase
     * auto-configurations require of a bundle, since their drivers cannot apply them.
     */
    @Override
    public SslOptions getOptions() {
        return SslOptions.NONE;
    }

    @Override
    public String getProtocol() {
        return "TLSv1.3";
    }

    @Override
    public SslManagerBundle getManagers() {
        Snapshot current = snapshot();
        SslManagerBundle managers = SslManagerBundle.from(current.stores(), current.key());
        return new SslManagerBundle() {
            @Override
            public KeyManagerFactory getKeyManagerFactory() {
                return managers.getKeyManagerFactory();
            }

            @Override
            public TrustManagerFactory getTrustManagerFactory() {
                return managers.getTrustManagerFactory();
            }

            @Override
            public SSLContext createSslContext(String protocol) {
                return context.get();
            }
        };
    }

    @Override
    public SSLContext createSslContext() {
        return context.get();
    }

    @Override
    public String toString() {
        return "siotls SSL bundle (" + configuration.get().side() + ")";
    }
}
