package io.siotls.spring.autoconfigure.restclient;

import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * Apache HttpClient 5 (classic) on the siotls context: it layers the context's
 * {@code SSLSocket} over its plain socket. Host names are verified by the engine, during the
 * handshake (HTTPS endpoint identification, which HttpClient's {@code BUILTIN} policy asks for);
 * HttpClient's own verifier is not added, as it reads certificates and a server authenticated by
 * a raw public key (RFC 7250, pinned with {@code trusted-public-keys}) has none. The
 * handshake timeout is HttpClient's TLS handshake timeout, set in the connection manager's
 * default {@link TlsConfig}.
 */
final class HttpComponentsClientTls {

    private HttpComponentsClientTls() {
    }

    static SiotlsClientHttpRequestFactoryBuilder<HttpComponentsClientHttpRequestFactory> secure(
            HttpComponentsClientHttpRequestFactoryBuilder builder, ClientTls tls) {
        DefaultClientTlsStrategy strategy = new DefaultClientTlsStrategy(tls.context(),
                HostnameVerificationPolicy.BUILTIN, null);
        return new SiotlsClientHttpRequestFactoryBuilder<>(builder, settings -> {
            HttpComponentsClientHttpRequestFactoryBuilder secured = builder.withTlsSocketStrategyFactory(bundle -> strategy);
            if (tls.handshakeTimeout() == null) {
                return secured;
            }
            TlsConfig tlsConfig = TlsConfig.custom().setHandshakeTimeout(Timeout.of(tls.handshakeTimeout())).build();
            return secured.withConnectionManagerCustomizer(manager -> manager.setDefaultTlsConfig(tlsConfig));
        });
    }
}
