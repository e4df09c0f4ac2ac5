package io.siotls.spring.autoconfigure.restclient;

import io.netty.handler.ssl.SslContext;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.netty.NettySslContexts;
import io.siotls.spring.autoconfigure.netty.ReactorClientSsl;
import java.time.Duration;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ReactorClientHttpRequestFactory;

/**
 * Reactor Netty's {@code HttpClient} on the siotls context, through a Netty {@code JdkSslContext}
 * around it ({@link NettySslContexts#client}): Boot would otherwise build a Netty context of its
 * own from key and trust managers, on another provider. Netty makes each engine with the peer's
 * host and port, so host names are verified; it is given the context's own suites and protocols,
 * so the configured preference order holds, and no ALPN of its own ({@code siotls.client.alpn}
 * applies). The handshake timeout is Reactor Netty's. Given a siotls SSL bundle
 * ({@code spring.http.clients.ssl.bundle}, {@code RestClientSsl}), it runs on that bundle's
 * context the same way, with that bundle's handshake timeout, where Boot would build a Netty
 * context from the bundle's key and trust managers on the JDK's provider.
 */
final class ReactorNettyClientTls {

    private ReactorNettyClientTls() {
    }

    static SiotlsClientHttpRequestFactoryBuilder<ReactorClientHttpRequestFactory> secure(
            ReactorClientHttpRequestFactoryBuilder builder, ClientTls tls) {
        SslContext nettyContext = NettySslContexts.client(tls.context());
        return new SiotlsClientHttpRequestFactoryBuilder<>(builder,
                settings -> secure(builder, nettyContext, tls.handshakeTimeout()),
                settings -> secure(builder, NettySslContexts.client(settings.sslBundle().createSslContext()),
                        SiotlsBundles.handshakeTimeout(settings.sslBundle()).orElse(tls.handshakeTimeout())));
    }

    private static ReactorClientHttpRequestFactoryBuilder secure(ReactorClientHttpRequestFactoryBuilder builder,
            SslContext nettyContext, Duration handshakeTimeout) {
        return builder.withHttpClientCustomizer(ReactorClientSsl.securedBy(nettyContext, handshakeTimeout));
    }
}
