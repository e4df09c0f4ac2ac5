package io.siotls.spring.autoconfigure.grpc;

import io.grpc.BindableService;
import io.grpc.CompressorRegistry;
import io.grpc.DecompressorRegistry;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.grpc.client.autoconfigure.GrpcChannelFactoryCustomizer;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryCustomizer;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ChannelCredentialsProvider;
import org.springframework.grpc.client.NettyGrpcChannelFactory;
import org.springframework.grpc.server.GrpcServerFactory;
import org.springframework.grpc.server.InProcessGrpcServerFactory;
import org.springframework.grpc.server.NettyGrpcServerFactory;
import org.springframework.grpc.server.ServerBuilderCustomizer;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;
import org.springframework.grpc.server.service.GrpcServiceConfigurer;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;

/**
 * Spring gRPC's Netty client channels and server on the siotls engine whenever their
 * {@code ssl.bundle} names a siotls bundle ({@code siotls-server}, {@code siotls-client}).
 * Spring gRPC would build a Netty context from the bundle's key and trust managers on the JDK's
 * TLS; here the Netty context wraps the bundle's siotls SSLContext, with ALPN {@code h2} as gRPC
 * requires (RFC 7540 §3.3). Channels keep Boot's factory and get their credentials from
 * {@link SiotlsChannelCredentialsProvider}. The server's credentials are fixed when Boot's factory
 * is made, so with {@code spring.grpc.server.ssl.bundle} set the server factory is this one's
 * (see {@link SiotlsGrpcServerFactories}). Only {@code grpc-netty} is covered, which Boot's gRPC
 * starters use; {@code grpc-netty-shaded} keeps Boot's.
 */
@AutoConfiguration(after = {SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class},
        beforeName = {"org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration",
                "org.springframework.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration"})
public class SiotlsGrpcAutoConfiguration {

    /** Client channels: Boot's credentials, but a siotls bundle's channels on siotls. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({NettyGrpcChannelFactory.class, NettyChannelBuilder.class, GrpcChannelFactoryCustomizer.class})
    @ConditionalOnBooleanProperty(name = "spring.grpc.client.enabled", matchIfMissing = true)
    static class ClientConfiguration {

        @Bean
        GrpcChannelFactoryCustomizer siotlsGrpcChannelCredentials(ObjectProvider<ChannelCredentialsProvider> boot,
                ObjectProvider<GrpcClientProperties> properties, SslBundles bundles) {
            return factory -> {
                if (factory instanceof NettyGrpcChannelFactory netty) {
                    netty.setCredentialsProvider(new SiotlsChannelCredentialsProvider(
                            boot.getObject(), properties.getObject(), bundles));
                }
            };
        }
    }

    /** The Netty server, when it serves TLS from a bundle. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({NettyGrpcServerFactory.class, NettyServerBuilder.class, GrpcServerProperties.class})
    @ConditionalOnBean(BindableService.class)
    @ConditionalOnBooleanProperty(name = "spring.grpc.server.enabled", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "spring.grpc.server.factory.enabled", matchIfMissing = true)
    @ConditionalOnProperty("spring.grpc.server.ssl.bundle")
    @Conditional(OnNettyGrpcServerCondition.class)
    static class ServerConfiguration {

        @Bean
        @ConditionalOnMissingBean(value = GrpcServerFactory.class, ignored = InProcessGrpcServerFactory.class)
        NettyGrpcServerFactory siotlsNettyGrpcServerFactory(GrpcServerProperties properties, SslBundles bundles,
                GrpcServiceDiscoverer services, GrpcServiceConfigurer configurer,
                ObjectProvider<CompressorRegistry> compressors, ObjectProvider<DecompressorRegistry> decompressors,
                ObjectProvider<GrpcServerExecutorProvider> executor,
                ObjectProvider<ServerBuilderCustomizer<NettyServerBuilder>> builderCustomizers,
                ObjectProvider<GrpcServerFactoryCustomizer> factoryCustomizers) {
            ServerBuilderCustomizer<NettyServerBuilder> settings = new GrpcServerSettings(properties,
                    compressors.getIfAvailable(), decompressors.getIfAvailable(), executor.getIfAvailable());
            NettyGrpcServerFactory factory = SiotlsGrpcServerFactories.create(properties, bundles, settings,
                    builderCustomizers.orderedStream().toList());
            factoryCustomizers.orderedStream().forEach(customizer -> customizer.customize(factory));
            services.findServices().stream().map(spec -> configurer.configure(spec, factory)).forEach(factory::addService);
            return factory;
        }

        @Bean
        @ConditionalOnBean(value = NettyGrpcServerFactory.class)
        @ConditionalOnMissingBean(name = "nettyGrpcServerLifecycle")
        GrpcServerLifecycle nettyGrpcServerLifecycle(NettyGrpcServerFactory factory, GrpcServerProperties properties,
                ApplicationEventPublisher events) {
            return new GrpcServerLifecycle(factory, properties.getShutdown().getGracePeriod(), events);
        }
    }
}
