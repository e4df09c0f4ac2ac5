package io.siotls.spring.autoconfigure.amqp;

import com.rabbitmq.stream.EnvironmentBuilder;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.netty.NettySslContexts;
import java.util.function.Supplier;
import org.springframework.boot.amqp.autoconfigure.EnvironmentBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;

/**
 * Puts the RabbitMQ Streams client's TLS on the siotls engine when the stream connection's SSL
 * bundle ({@code spring.rabbitmq.stream.ssl.bundle}) is a siotls one. Boot builds the client a
 * Netty context from the bundle's key and trust managers, on the JDK's provider; this hands it a
 * Netty context around the bundle's own siotls {@code SSLContext} instead
 * ({@link NettySslContexts#client}). The client keeps verifying host names. Boot applies the
 * customizers after its own settings; any other bundle, or none, is left as Boot configured it.
 */
final class RabbitStreamSiotlsTls implements EnvironmentBuilderCustomizer {

    private final Supplier<SslBundle> bundle;

    /** @param bundle the stream connection's SSL bundle, or null for none */
    RabbitStreamSiotlsTls(Supplier<SslBundle> bundle) {
        this.bundle = bundle;
    }

    @Override
    public void customize(EnvironmentBuilder builder) {
        SslBundle chosen = bundle.get();
        if (SiotlsBundles.isSiotls(chosen)) {
            builder.tls().sslContext(NettySslContexts.client(chosen.createSslContext()));
        }
    }
}
