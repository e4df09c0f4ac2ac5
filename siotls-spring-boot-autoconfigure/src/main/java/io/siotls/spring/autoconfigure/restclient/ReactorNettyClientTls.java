package io.siotls.spring.autoconfigure.restclient;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import reactor.netty.tcp.SslProvider;

/**
 * Reactor Netty's {@code HttpClient} on the siotls context, through a Netty {@link JdkSslContext}
 * around it: Boot would otherwise build a Netty context of its own from key and trust managers,
 * on another provider. Netty makes each engine with the peer's host and port, so host names are
 * verified; it is given the context's own suites and protocols, so the configured preference
 * order holds, and no ALPN of its own ({@code siotls.client.alpn} applies). The handshake
 * timeout is Reactor Netty's. Given a siotls SSL bundle ({@code spring.http.clients.ssl.bundle},
 * {@code RestClientSsl}), it runs on that bundle's context the same way, where Boot would build a
 * Netty context from the bundle's key and trust managers on the JDK's provider.
 */
final class ReactorNettyClientTls {

    private ReactorNettyClientTls() {
    }

    static SiotlsClientHttpRequestFactoryBuilder<ReactorClientHttpRequestFactory> secure(
            ReactorClientHttpRequestFactoryBuilder builder, ClientTls tls) {
        SslContext nettyContext = nettyContext(tls.context());
        return new SiotlsClientHttpRequestFactoryBuilder<>(builder,
                settings -> secure(builder, nettyContext, tls.handshakeTimeout()),
                settings -> secure(builder, nettyContext(settings.sslBundle().createSslContext()), tls.handshakeTimeout()));
    }

    private static ReactorClientHttpRequestFactoryBuilder secure(ReactorClientHttpRequestFactoryBuilder builder,
            SslContext nettyContext, Duration handshakeTimeout) {
        return builder.withHttpClientCustomizer(client -> client.secure(spec -> {
            SslProvider.Builder ssl = spec.sslContext(nettyContext);
            if (handshakeTimeout != null) {
                ssl.handshakeTimeout(handshakeTimeout);
            }
        }));
    }

    private static SslContext nettyContext(SSLContext context) {
        SSLParameters defaults = context.getDefaultSSLParameters();
        return new JdkSslContext(context, true, List.of(defaults.getCipherSuites()), IdentityCipherSuiteFilter.INSTANCE,
                ApplicationProtocolConfig.DISABLED, ClientAuth.NONE, defaults.getProtocols(), false);
    }
}
