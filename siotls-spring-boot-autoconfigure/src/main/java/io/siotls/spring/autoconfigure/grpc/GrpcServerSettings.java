package io.siotls.spring.autoconfigure.grpc;

import io.grpc.CompressorRegistry;
import io.grpc.DecompressorRegistry;
import io.grpc.netty.NettyServerBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerExecutorProvider;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerProperties;
import org.springframework.grpc.server.ServerBuilderCustomizer;
import org.springframework.util.unit.DataSize;

/**
 * What Spring Boot applies to every gRPC server builder besides the application's own
 * customizers: the compressor, decompressor and executor beans, and the
 * {@code spring.grpc.server.inbound.*} and {@code spring.grpc.server.keepalive.*} properties. The
 * siotls server factory replaces Boot's, so it applies them itself.
 */
final class GrpcServerSettings implements ServerBuilderCustomizer<NettyServerBuilder> {

    private final GrpcServerProperties properties;
    private final @Nullable CompressorRegistry compressors;
    private final @Nullable DecompressorRegistry decompressors;
    private final @Nullable GrpcServerExecutorProvider executor;

    GrpcServerSettings(GrpcServerProperties properties, @Nullable CompressorRegistry compressors,
            @Nullable DecompressorRegistry decompressors, @Nullable GrpcServerExecutorProvider executor) {
        this.properties = properties;
        this.compressors = compressors;
        this.decompressors = decompressors;
        this.executor = executor;
    }

    @Override
    public void customize(NettyServerBuilder builder) {
        if (compressors != null) {
            builder.compressorRegistry(compressors);
        }
        if (decompressors != null) {
            builder.decompressorRegistry(decompressors);
        }
        if (executor != null) {
            builder.executor(executor.getExecutor());
        }
        PropertyMapper map = PropertyMapper.get();
        GrpcServerProperties.Inbound inbound = properties.getInbound();
        map.from(inbound.getMessage()::getMaxSize).as(DataSize::toBytes).as(Math::toIntExact)
                .to(builder::maxInboundMessageSize);
        map.from(inbound.getMetadata()::getMaxSize).as(DataSize::toBytes).as(Math::toIntExact)
                .to(builder::maxInboundMetadataSize);
        GrpcServerProperties.Keepalive keepalive = properties.getKeepalive();
        map.from(keepalive::getTime).to(duration(builder::keepAliveTime));
        map.from(keepalive::getTimeout).to(duration(builder::keepAliveTimeout));
        map.from(keepalive.getConnection()::getMaxIdleTime).to(duration(builder::maxConnectionIdle));
        map.from(keepalive.getConnection()::getMaxAge).to(duration(builder::maxConnectionAge));
        map.from(keepalive.getConnection()::getGracePeriod).to(duration(builder::maxConnectionAgeGrace));
        map.from(keepalive.getPermit()::getTime).to(duration(builder::permitKeepAliveTime));
        map.from(keepalive.getPermit()::isWithoutCalls).to(builder::permitKeepAliveWithoutCalls);
    }

    private static Consumer<Duration> duration(BiConsumer<Long, TimeUnit> setter) {
        return value -> setter.accept(value.toNanos(), TimeUnit.NANOSECONDS);
    }
}
