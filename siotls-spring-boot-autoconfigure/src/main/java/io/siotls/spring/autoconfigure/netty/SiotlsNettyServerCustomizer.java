package io.siotls.spring.autoconfigure.netty;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

/**
 * Secures Reactor Netty's HTTP server with the siotls server {@link SSLContext}: HTTP/2 and
 * HTTP/1.1 by ALPN when {@code server.http2.enabled}, HTTP/1.1 otherwise, and the handshake
 * bounded by {@code siotls.server.handshake-timeout}.
 */
public class SiotlsNettyServerCustomizer implements NettyServerCustomizer {

    private final SslContext sslContext;
    private final boolean http2;
    private final Duration handshakeTimeout;

    /**
     * @param context the server context every connection's engine comes from
     * @param http2 whether HTTP/2 is enabled ({@code server.http2.enabled})
     * @param handshakeTimeout the longest a handshake may take
     */
    public SiotlsNettyServerCustomizer(SSLContext context, boolean http2, Duration handshakeTimeout) {
        this.sslContext = NettySslContexts.server(context, http2);
        this.http2 = http2;
        this.handshakeTimeout = handshakeTimeout;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        HttpServer secured = server.secure(spec -> spec.sslContext(sslContext).handshakeTimeout(handshakeTimeout));
        return http2 ? secured.protocol(HttpProtocol.H2, HttpProtocol.HTTP11) : secured.protocol(HttpProtocol.HTTP11);
    }
}
