package io.siotls.spring.autoconfigure.grpc;

import io.grpc.TlsServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.ClientAuth;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.netty.NettySslContexts;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerProperties;
import org.springframework.boot.grpc.server.autoconfigure.GrpcServerProperties.Netty.Transport;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.grpc.internal.GrpcUtils;
import org.springframework.grpc.internal.InsecureTrustManagerFactory;
import org.springframework.grpc.server.NettyGrpcServerFactory;
import org.springframework.grpc.server.ServerBuilderCustomizer;
import org.springframework.util.StringUtils;

/**
 * The Netty gRPC server factory for {@code spring.grpc.server.*} with an SSL bundle: on a siotls
 * bundle, a {@link SiotlsNettyGrpcServerFactory} on its SSLContext; on any other bundle, the
 * factory Spring Boot would make, from the bundle's managers.
 */
final class SiotlsGrpcServerFactories {

    private SiotlsGrpcServerFactories() {
    }

    static NettyGrpcServerFactory create(GrpcServerProperties properties, SslBundles bundles,
            ServerBuilderCustomizer<NettyServerBuilder> settings,
            List<ServerBuilderCustomizer<NettyServerBuilder>> customizers) {
        List<ServerBuilderCustomizer<NettyServerBuilder>> all = new ArrayList<>();
        all.add(settings);
        all.addAll(customizers);
        String address = address(properties);
        GrpcServerProperties.Ssl ssl = properties.getSsl();
        if (Boolean.FALSE.equals(ssl.getEnabled())) {
            return new NettyGrpcServerFactory(address, all, null, null, ssl.getClientAuth());
        }
        String name = ssl.getBundle();
        SslBundle bundle = bundles.getBundle(name);
        Optional<SSLContext> siotls = SiotlsBundles.sslContext(bundle);
        if (siotls.isEmpty()) {
            SslManagerBundle managers = bundle.getManagers();
            TrustManagerFactory trust = ssl.isSecure() ? managers.getTrustManagerFactory()
                    : InsecureTrustManagerFactory.INSTANCE;
            return new NettyGrpcServerFactory(address, all, managers.getKeyManagerFactory(), trust,
                    ssl.getClientAuth());
        }
        if (!ssl.isSecure()) {
            throw new InvalidConfigurationPropertyValueException("spring.grpc.server.ssl.secure", false,
                    "the server's bundle " + name + " is a siotls bundle, which always verifies client "
                            + "certificates against siotls.server.truststore: remove spring.grpc.server.ssl.secure");
        }
        return new SiotlsNettyGrpcServerFactory(address, all,
                NettySslContexts.http2Only(siotls.get(), false, clientAuth(ssl.getClientAuth())));
    }

    /** Boot's client authentication; NONE leaves it to {@code siotls.server.client-auth}. */
    private static ClientAuth clientAuth(TlsServerCredentials.ClientAuth clientAuth) {
        return switch (clientAuth) {
            case NONE -> ClientAuth.NONE;
            case OPTIONAL -> ClientAuth.OPTIONAL;
            case REQUIRE -> ClientAuth.REQUIRE;
        };
    }

    /** The address Boot's factory listens on: host and port, or {@code unix:} and a domain socket. */
    static String address(GrpcServerProperties properties) {
        GrpcServerProperties.Netty netty = properties.getNetty();
        boolean tcpSet = properties.getAddress() != null || properties.getPort() != null;
        Transport transport = netty.getTransport() != null ? netty.getTransport()
                : (!tcpSet && netty.getDomainSocketPath() != null ? Transport.DOMAIN_SOCKET : Transport.TCP);
        if (transport == Transport.DOMAIN_SOCKET) {
            if (!StringUtils.hasText(netty.getDomainSocketPath())) {
                throw new InvalidConfigurationPropertyValueException("spring.grpc.server.netty.domain-socket-path",
                        netty.getDomainSocketPath(),
                        "a path is required when spring.grpc.server.netty.transport is domain-socket");
            }
            return "unix:" + netty.getDomainSocketPath();
        }
        InetAddress host = properties.getAddress();
        int port = properties.getPort() != null ? properties.getPort() : GrpcUtils.DEFAULT_PORT;
        return (host != null ? host.getHostName() : GrpcUtils.ANY_IP_ADDRESS) + ":" + port;
    }
}
