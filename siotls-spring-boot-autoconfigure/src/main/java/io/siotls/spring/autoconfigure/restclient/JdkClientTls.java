package io.siotls.spring.autoconfigure.restclient;

import java.time.Duration;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The JDK's {@code java.net.http.HttpClient} on the siotls context. It creates its engines with
 * the peer's host and port and asks for HTTPS endpoint identification, so host names are
 * verified. Its connect timeout spans the TCP connect and the TLS handshake: the handshake
 * timeout is added to it.
 */
final class JdkClientTls {

    private JdkClientTls() {
    }

    static SiotlsClientHttpRequestFactoryBuilder<JdkClientHttpRequestFactory> secure(
            JdkClientHttpRequestFactoryBuilder builder, ClientTls tls) {
        return new SiotlsClientHttpRequestFactoryBuilder<>(builder, settings -> builder.withHttpClientCustomizer(client -> {
            client.sslContext(tls.context());
            if (tls.handshakeTimeout() != null) {
                client.connectTimeout(connectTimeout(settings.connectTimeout(), tls.handshakeTimeout()));
            }
        }));
    }

    private static Duration connectTimeout(Duration connect, Duration handshake) {
        return connect == null ? handshake : connect.plus(handshake);
    }
}
