package io.siotls.spring.autoconfigure.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SslOptions;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.netty.ReadyContextProvider;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.Ordered;

/**
 * Puts Lettuce's TLS on the siotls engine when the Redis connection's SSL bundle
 * ({@code spring.data.redis.ssl.bundle}) is a siotls one. Boot hands Lettuce the bundle's key and
 * trust managers, from which Netty would build a context on the JDK's provider; this replaces
 * those {@link SslOptions} with ones whose Netty context is the bundle's own siotls
 * {@link SSLContext} ({@link ReadyContextProvider}), with that context's protocols, suites and
 * parameters, so its certificate, trust, listeners and session cache serve every connection.
 * Lettuce still verifies the host name (HTTPS endpoint identification) unless told not to. Any
 * other bundle, or none, is left as Boot configured it. It runs first, so the application's own
 * customizers come after it.
 */
final class LettuceSiotlsSsl implements LettuceClientOptionsBuilderCustomizer, Ordered {

    private final Supplier<SslBundle> bundle;
    private final Duration handshakeTimeout;

    /**
     * @param bundle the Redis connection's SSL bundle, or null for none
     * @param handshakeTimeout {@code siotls.client.handshake-timeout}, or null for Lettuce's own
     */
    LettuceSiotlsSsl(Supplier<SslBundle> bundle, Duration handshakeTimeout) {
        this.bundle = bundle;
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public void customize(ClientOptions.Builder builder) {
        SslBundle chosen = bundle.get();
        if (SiotlsBundles.isSiotls(chosen)) {
            builder.sslOptions(sslOptions(chosen.createSslContext()));
        }
    }

    private SslOptions sslOptions(SSLContext context) {
        SSLParameters defaults = context.getDefaultSSLParameters();
        SslOptions.Builder options = SslOptions.builder().jdkSslProvider()
                .sslContext(netty -> netty.sslContextProvider(ReadyContextProvider.of(context)))
                .sslParameters(context::getDefaultSSLParameters)
                .protocols(defaults.getProtocols())
                .cipherSuites(defaults.getCipherSuites());
        if (handshakeTimeout != null) {
            options.handshakeTimeout(handshakeTimeout);
        }
        return options.build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
