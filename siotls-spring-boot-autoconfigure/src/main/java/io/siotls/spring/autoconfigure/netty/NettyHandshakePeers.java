package io.siotls.spring.autoconfigure.netty;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.siotls.jsse.SiotlsSSLContext;
import io.siotls.spring.autoconfigure.HandshakePeerLookup;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.ChannelPipelineConfigurer;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.server.HttpServer;

/**
 * The peers of the Reactor Netty server's TLS connections, for the handshake failure log.
 * Reactor Netty's server makes each connection's engine without the peer's address (its
 * {@code SslProvider} is handed none on the server side), and an engine's peer is fixed when it is
 * made. So once Reactor Netty has set a new channel's pipeline up, before any byte is read, the
 * session of the channel's engine is noted with the channel's remote address; the entry goes with
 * the session. The session is taken through the {@link SslHandler}'s engine, which for ALPN is
 * Netty's wrapper of ours and hands out our session. Nothing is noted for a server context of the
 * jsse implementation, whose engines report no handshakes.
 */
public class NettyHandshakePeers implements NettyServerCustomizer, ChannelPipelineConfigurer, HandshakePeerLookup {

    private final boolean siotls;
    private final Map<SSLSession, InetSocketAddress> peers = Collections.synchronizedMap(new WeakHashMap<>());

    /** @param context the server context the connections' engines come from */
    public NettyHandshakePeers(SSLContext context) {
        this.siotls = context instanceof SiotlsSSLContext;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return siotls ? server.doOnChannelInit(this) : server;
    }

    @Override
    public void onChannelInit(ConnectionObserver observer, Channel channel, SocketAddress remoteAddress) {
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        if (ssl != null && channel.remoteAddress() instanceof InetSocketAddress peer) {
            peers.put(ssl.engine().getSession(), peer);
        }
    }

    @Override
    public InetSocketAddress peerOf(SSLSession session) {
        return peers.get(session);
    }
}
