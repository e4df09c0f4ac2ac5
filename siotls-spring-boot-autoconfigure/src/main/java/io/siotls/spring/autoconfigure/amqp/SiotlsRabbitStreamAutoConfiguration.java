package io.siotls.spring.autoconfigure.amqp;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.EnvironmentBuilderCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitStreamConnectionDetails;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The RabbitMQ Streams client Spring Boot configures runs its TLS on the siotls engine when
 * {@code spring.rabbitmq.stream.ssl.bundle} names a siotls bundle; see
 * {@link RabbitStreamSiotlsTls}. AMQP 0-9-1 and 1.0 need nothing: they take the bundle's
 * {@code createSslContext()}, which is already ours.
 */
@AutoConfiguration(after = {SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class})
@ConditionalOnClass(name = {"com.rabbitmq.stream.EnvironmentBuilder", "io.netty.handler.ssl.JdkSslContext",
        "org.springframework.boot.amqp.autoconfigure.EnvironmentBuilderCustomizer"})
public class SiotlsRabbitStreamAutoConfiguration {

    @Bean
    EnvironmentBuilderCustomizer siotlsRabbitStreamTlsCustomizer(
            ObjectProvider<RabbitStreamConnectionDetails> connectionDetails) {
        return new RabbitStreamSiotlsTls(() -> {
            RabbitStreamConnectionDetails details = connectionDetails.getIfAvailable();
            return details == null ? null : details.getSslBundle();
        });
    }
}
