package io.siotls.spring.autoconfigure.restclient;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.util.List;
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
 * timeout is Reactor Netty's.
 */
final class ReactorNettyClientTls {

    private ReactorNettyClientTls() {
    }

    static SiotlsClientHttpRequestFactoryBuilder<ReactorClientHttpRequestFactory> secure(
            ReactorClientHttpRequestFactoryBuilder builder, ClientTls tls) {
        SslContext nettyContext = nettyContext(tls);
        return new SiotlsClientHttpRequestFactoryBuilder<>(builder, settings -> builder.withHttpClientCustomizer(
                client -> client.secure(spec -> {
                    SslProvider.Builder ssl = spec.sslContext(nettyContext);
                    if (tls.handshakeTimeout() != null) {
                        ssl.handshakeTimeout(tls.handshakeTimeout());
                    }
                })));
    }

    private static SslContext nettyContext(ClientTls tls) {
        SSLParameters defaults = tls.context().getDefaultSSLParameters();
        return new JdkSslContext(tls.context(), true, List.of(defaults.getCipherSuites()), IdentityCipherSuiteFilter.INSTANCE,
                ApplicationProtocolConfig.DISABLED, ClientAuth.NONE, defaults.getProtocols(), false);
    }
}
