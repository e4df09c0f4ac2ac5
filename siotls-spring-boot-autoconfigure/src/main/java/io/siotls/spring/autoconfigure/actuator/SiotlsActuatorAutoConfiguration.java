package io.siotls.spring.autoconfigure.actuator;

import io.micrometer.core.instrument.MeterRegistry;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import io.siotls.spring.autoconfigure.SiotlsSides;
import java.time.Clock;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Actuator shows of siotls when it is present: the {@code siotls} health indicator
 * (certificate validity and expiry), the {@code siotls} info contributor, and handshake metrics.
 * Each part is guarded by its library's presence and Actuator's own enablement properties
 * ({@code management.health.siotls.enabled}, {@code management.info.siotls.enabled}).
 */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
public class SiotlsActuatorAutoConfiguration {

    /** The health indicator, with spring-boot-health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("siotls")
    @EnableConfigurationProperties(SiotlsHealthProperties.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "siotlsHealthIndicator")
        SiotlsHealthIndicator siotlsHealthIndicator(BeanFactory beans, SiotlsHealthProperties properties) {
            return new SiotlsHealthIndicator(new SiotlsSides(beans), properties.getCertificateExpiryWarning(),
                    Clock.systemUTC());
        }
    }

    /** The info contributor, with spring-boot-actuator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    @ConditionalOnEnabledInfoContributor("siotls")
    static class Info {

        @Bean
        @ConditionalOnMissingBean
        SiotlsInfoContributor siotlsInfoContributor(BeanFactory beans, SiotlsProperties properties) {
            return new SiotlsInfoContributor(new SiotlsSides(beans), properties, Clock.systemUTC());
        }
    }

    /** Handshake metrics, with Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        SiotlsHandshakeMetrics siotlsHandshakeMetrics(BeanFactory beans) {
            return new SiotlsHandshakeMetrics(new SiotlsSides(beans));
        }
    }
}
