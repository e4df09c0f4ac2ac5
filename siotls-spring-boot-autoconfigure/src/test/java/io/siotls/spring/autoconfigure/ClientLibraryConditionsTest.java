package io.siotls.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.couchbase.client.java.Cluster;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.spring.autoconfigure.couchbase.SiotlsCouchbaseAutoConfiguration;
import io.siotls.spring.autoconfigure.grpc.SiotlsGrpcAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.grpc.client.autoconfigure.GrpcChannelFactoryCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.grpc.client.NettyGrpcChannelFactory;

/**
 * The integrations of client libraries that build their own TLS from a bundle (Spring gRPC,
 * Couchbase) contribute their beans only with their library, and Couchbase's only when a bundle
 * is named; both are listed for auto-configuration.
 */
class ClientLibraryConditionsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            SslAutoConfiguration.class, SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class,
            SiotlsGrpcAutoConfiguration.class, SiotlsCouchbaseAutoConfiguration.class));

    @Test
    void grpcChannelsAreCustomizedOnlyWithGrpcNetty() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(GrpcChannelFactoryCustomizer.class));
        runner.withClassLoader(new FilteredClassLoader(NettyGrpcChannelFactory.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(GrpcChannelFactoryCustomizer.class));
        runner.withPropertyValues("spring.grpc.client.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(GrpcChannelFactoryCustomizer.class));
    }

    @Test
    void couchbaseIsWrappedOnlyWithTheSdkAndABundle() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("siotlsCouchbaseAuthenticator"));
        runner.withPropertyValues("spring.couchbase.env.ssl.bundle=siotls-client").run(context ->
                assertThat(context).hasNotFailed().hasBean("siotlsCouchbaseAuthenticator")
                        .getBean("siotlsCouchbaseAuthenticator").isInstanceOf(BeanPostProcessor.class));
        runner.withPropertyValues("spring.couchbase.env.ssl.bundle=siotls-client")
                .withClassLoader(new FilteredClassLoader(Cluster.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("siotlsCouchbaseAuthenticator"));
    }

    @Test
    void listedInAutoConfigurationImports() throws Exception {
        List<String> imports = new String(getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").readAllBytes())
                .lines().filter(line -> !line.isBlank()).toList();
        assertThat(imports).contains(SiotlsGrpcAutoConfiguration.class.getName(),
                SiotlsCouchbaseAutoConfiguration.class.getName()).doesNotHaveDuplicates();
    }
}
