package io.siotls.spring.autoconfigure.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.netty.NettySslContextChannelCredentials;
import io.netty.handler.ssl.ClientAuth;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.netty.NettySslContexts;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.grpc.client.autoconfigure.GrpcClientProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.grpc.client.ChannelCredentialsProvider;

/**
 * The credentials of a Spring gRPC channel: when the channel's {@code ssl.bundle} is a siotls
 * bundle, a Netty context on that bundle's siotls SSLContext, offering only {@code h2} by ALPN;
 * for any other channel, Spring Boot's own credentials. Boot's would build a Netty context from
 * the bundle's key and trust managers on the JDK's TLS.
 */
final class SiotlsChannelCredentialsProvider implements ChannelCredentialsProvider {

    private static final String DEFAULT_CHANNEL = "default";

    private final ChannelCredentialsProvider boot;
    private final GrpcClientProperties properties;
    private final SslBundles bundles;

    SiotlsChannelCredentialsProvider(ChannelCredentialsProvider boot, GrpcClientProperties properties,
            SslBundles bundles) {
        this.boot = boot;
        this.properties = properties;
        this.bundles = bundles;
    }

    @Override
    public ChannelCredentials getChannelCredentials(String target) {
        String name = properties.getChannel().containsKey(target) ? target : DEFAULT_CHANNEL;
        GrpcClientProperties.Channel channel = properties.getChannel().get(name);
        if (channel == null || Boolean.FALSE.equals(channel.getSsl().getEnabled())
                || channel.getSsl().getBundle() == null) {
            return boot.getChannelCredentials(target);
        }
        String bundle = channel.getSsl().getBundle();
        Optional<SSLContext> context = SiotlsBundles.sslContext(bundles.getBundle(bundle));
        if (context.isEmpty()) {
            return boot.getChannelCredentials(target);
        }
        if (channel.isBypassCertificateValidation()) {
            String property = "spring.grpc.client.channel." + name + ".bypass-certificate-validation";
            throw new InvalidConfigurationPropertyValueException(property, true, "the channel's bundle " + bundle
                    + " is a siotls bundle, which always verifies the server's certificate: remove " + property
                    + " or name a bundle that is not siotls's");
        }
        return NettySslContextChannelCredentials.create(NettySslContexts.http2Only(context.get(), true, ClientAuth.NONE));
    }
}
