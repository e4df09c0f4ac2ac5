package io.siotls.spring.autoconfigure.reload;

import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.SiotlsPropertyException;
import io.siotls.spring.autoconfigure.SiotlsSideProperties;
import io.siotls.spring.autoconfigure.StartupWarnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * {@code reload-on-update} for one side: when the files its key and trust material come from
 * change, the side's configuration is built anew from the same properties and the siotls
 * context serves new connections with it ({@link SiotlsSSLContext#reload}); connections already
 * open go on with the old material. Material that does not load (a key that does not match its
 * certificate, a half-copied file) is logged, naming the property, and the old material stays.
 * New material holding a certificate that is expired, not yet valid or about to expire is served,
 * with the warnings a start would log ({@link StartupWarnings#certificates}), once per reload.
 */
final class SiotlsReloader implements DisposableBean {

    private static final Log LOG = LogFactory.getLog(SiotlsReloader.class);

    private final String prefix;
    private final SiotlsSSLContext context;
    private final Supplier<TLSConfiguration> rebuild;
    private final SiotlsSideProperties side;
    private final Duration window;
    private final Clock clock;
    private FileChangeWatcher watcher;

    /**
     * @param prefix {@code siotls.server} or {@code siotls.client}
     * @param context the side's context; reloading needs a siotls one
     * @param rebuild builds the side's configuration from its properties
     * @param side the side's properties, which name the chains the warnings are about
     * @param window how long before its expiry a certificate is warned of
     * @param clock the time certificates are checked at
     * @throws SiotlsPropertyException when the context is not a siotls one
     */
    SiotlsReloader(String prefix, SSLContext context, Supplier<TLSConfiguration> rebuild, SiotlsSideProperties side,
            Duration window, Clock clock) {
        if (!(context instanceof SiotlsSSLContext siotls)) {
            throw new SiotlsPropertyException(prefix + ".reload-on-update", "needs siotls.implementation=siotls: "
                    + "the SSLContext of the jsse implementation cannot change its key material",
                    "Set siotls.implementation to siotls, or turn " + prefix + ".reload-on-update off.");
        }
        this.prefix = prefix;
        this.context = siotls;
        this.rebuild = rebuild;
        this.side = side;
        this.window = window;
        this.clock = clock;
    }

    /** Reloads whenever {@code files} (the side's files by property) change and then stay unchanged for {@code quietPeriod}. */
    void watch(Map<String, Path> files, Duration quietPeriod) {
        try {
            watcher = new FileChangeWatcher(files.values(), quietPeriod, this::reload, "siotls-reload-" + prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the files of " + prefix + ": " + e.getMessage(), e);
        }
        LOG.info(prefix + ": reloading the key and trust material when these files change: " + files.values());
    }

    /**
     * Builds the side's configuration anew and serves new connections with it, warning of its
     * certificates that are not valid or expire soon, or logs why it cannot.
     */
    void reload() {
        TLSConfiguration configuration;
        try {
            configuration = rebuild.get();
            context.reload(configuration);
        } catch (SiotlsPropertyException e) {
            LOG.error(prefix + ": the changed key or trust material cannot be used, the previous one stays: "
                    + e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error(prefix + ": the changed key or trust material cannot be used, the previous one stays: "
                    + e.getMessage(), e);
            return;
        }
        LOG.info(prefix + ": key and trust material reloaded; new connections use it");
        StartupWarnings.certificates(prefix, configuration, side, window, clock.instant());
    }

    @Override
    public void destroy() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
