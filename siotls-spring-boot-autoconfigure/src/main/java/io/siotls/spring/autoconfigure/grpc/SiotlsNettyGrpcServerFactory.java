package io.siotls.spring.autoconfigure.grpc;

import io.grpc.ServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.NettySslContextServerCredentials;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import org.springframework.grpc.server.NettyGrpcServerFactory;
import org.springframework.grpc.server.ServerBuilderCustomizer;

/**
 * Spring gRPC's Netty server with a Netty context on a siotls SSLContext as its credentials,
 * where Spring's own factory would build one from key and trust managers on the JDK's TLS.
 */
final class SiotlsNettyGrpcServerFactory extends NettyGrpcServerFactory {

    private final ServerCredentials credentials;

    SiotlsNettyGrpcServerFactory(String address, List<ServerBuilderCustomizer<NettyServerBuilder>> customizers,
            SslContext sslContext) {
        super(address, customizers, null, null, null);
        this.credentials = NettySslContextServerCredentials.create(sslContext);
    }

    @Override
    protected ServerCredentials credentials() {
        return credentials;
    }
}
