package io.siotls.spring.autoconfigure;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import io.siotls.jsse.SiotlsSSLContext;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The configuration one side's new connections get: the siotls context's own, which follows
 * reloads ({@code reload-on-update}), or else the side's {@link TLSConfiguration} bean.
 */
public final class CurrentConfiguration {

    private CurrentConfiguration() {
    }

    /**
     * @param context the side's SSLContext, looked up on each call
     * @param bean the side's configuration bean, looked up only when the context is not a siotls one
     */
    public static Supplier<TLSConfiguration> of(Supplier<SSLContext> context, Supplier<TLSConfiguration> bean, Side side) {
        return () -> {
            if (context.get() instanceof SiotlsSSLContext siotls && siotls.configuration(side) != null) {
                return siotls.configuration(side);
            }
            return bean.get();
        };
    }
}
