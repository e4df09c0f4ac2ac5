package io.siotls.spring.autoconfigure.client;

import io.netty.handler.ssl.SslContext;
import io.siotls.spring.autoconfigure.netty.NettySslContexts;
import java.time.Duration;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import reactor.netty.http.client.HttpClient;

/**
 * Secures Reactor Netty's HTTP client with the siotls client {@link SSLContext} (Boot's own
 * path would rebuild a Netty context from key and trust managers on the default provider).
 */
final class ReactorClientSsl implements UnaryOperator<HttpClient> {

    private final SslContext sslContext;
    private final Duration handshakeTimeout;

    ReactorClientSsl(SSLContext context, Duration handshakeTimeout) {
        this.sslContext = NettySslContexts.client(context);
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public HttpClient apply(HttpClient client) {
        return client.secure(spec -> spec.sslContext(sslContext).handshakeTimeout(handshakeTimeout));
    }
}
