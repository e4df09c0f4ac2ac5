package io.siotls.spring.autoconfigure.redis;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Lettuce, Spring Boot's default Redis client, runs its TLS on the siotls engine when
 * {@code spring.data.redis.ssl.bundle} names a siotls bundle (such as
 * {@value SiotlsSslBundleAutoConfiguration#CLIENT_BUNDLE}); see {@link LettuceSiotlsSsl}. Jedis
 * needs nothing: it takes the bundle's {@code createSslContext()}, which is already ours.
 */
@AutoConfiguration(after = {SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class})
@ConditionalOnClass(name = {"io.lettuce.core.SslOptions",
        "org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer"})
@EnableConfigurationProperties(SiotlsProperties.class)
public class SiotlsLettuceAutoConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer siotlsLettuceClientOptionsCustomizer(
            ObjectProvider<DataRedisConnectionDetails> connectionDetails, SiotlsProperties properties) {
        return new LettuceSiotlsSsl(() -> {
            DataRedisConnectionDetails details = connectionDetails.getIfAvailable();
            return details == null ? null : details.getSslBundle();
        }, properties.getClient().getHandshakeTimeout());
    }
}
