package io.siotls.spring.autoconfigure.client;

import io.netty.handler.ssl.SslContext;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.netty.NettySslContexts;
import io.siotls.spring.autoconfigure.netty.ReactorClientSsl;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Reactor Netty's {@code HttpClient} on a siotls context, through a Netty {@code JdkSslContext}
 * around it ({@link NettySslContexts#client}): Boot would otherwise build a Netty context of its
 * own from key and trust managers, on the JDK's provider. Without a bundle it is the siotls client
 * context, timed by {@code siotls.client.handshake-timeout}; given a siotls SSL bundle, that
 * bundle's own context, timed by its own configuration's handshake timeout (a named client's
 * {@code siotls.clients.<name>.handshake-timeout}). The timeout is Reactor Netty's.
 */
final class ReactorConnectorTls {

    private ReactorConnectorTls() {
    }

    static SiotlsClientHttpConnectorBuilder<ReactorClientHttpConnector> secure(ReactorClientHttpConnectorBuilder builder,
            SSLContext context, Duration handshakeTimeout) {
        return new SiotlsClientHttpConnectorBuilder<>(builder,
                secure(builder, NettySslContexts.client(context), handshakeTimeout),
                bundle -> secure(builder, NettySslContexts.client(bundle.createSslContext()),
                        SiotlsBundles.handshakeTimeout(bundle).orElse(handshakeTimeout)));
    }

    private static ReactorClientHttpConnectorBuilder secure(ReactorClientHttpConnectorBuilder builder,
            SslContext nettyContext, Duration handshakeTimeout) {
        return builder.withHttpClientCustomizer(ReactorClientSsl.securedBy(nettyContext, handshakeTimeout));
    }
}
