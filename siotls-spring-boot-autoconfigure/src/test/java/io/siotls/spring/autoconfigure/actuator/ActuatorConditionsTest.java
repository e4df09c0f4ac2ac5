package io.siotls.spring.autoconfigure.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each Actuator part of siotls is there with its library and its enablement property, and only then. */
class ActuatorConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsActuatorAutoConfiguration.class));

    @Test
    void allPartsWithTheirLibraries() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(SiotlsHealthIndicator.class)
                .hasSingleBean(SiotlsInfoContributor.class).hasSingleBean(SiotlsHandshakeMetrics.class)
                .hasSingleBean(SiotlsHealthProperties.class));
    }

    @Test
    void eachPartBacksOffWithoutItsLibrary() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SiotlsHealthIndicator.class)
                        .hasSingleBean(SiotlsInfoContributor.class));
        runner.withClassLoader(new FilteredClassLoader(InfoContributor.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SiotlsInfoContributor.class)
                        .hasSingleBean(SiotlsHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SiotlsHandshakeMetrics.class));
    }

    @Test
    void actuatorsEnablementPropertiesTurnPartsOff() {
        runner.withPropertyValues("management.health.siotls.enabled=false", "management.info.siotls.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SiotlsHealthIndicator.class)
                        .doesNotHaveBean(SiotlsInfoContributor.class));
    }

    @Test
    void theWarningThresholdIsAProperty() {
        runner.withPropertyValues("siotls.health.certificate-expiry-warning=30d").run(context ->
                assertThat(context.getBean(SiotlsHealthProperties.class).getCertificateExpiryWarning().toDays())
                        .isEqualTo(30));
    }
}
