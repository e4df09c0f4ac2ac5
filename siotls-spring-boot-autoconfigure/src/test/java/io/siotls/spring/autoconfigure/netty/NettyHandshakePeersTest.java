package io.siotls.spring.autoconfigure.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.TestApplications;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.netty.http.server.HttpServer;

/**
 * A channel's TLS session is noted with the channel's remote address when Reactor Netty has set
 * its pipeline up, through Netty's ALPN wrapper of our engine too, and the server is hooked for
 * it; nothing is hooked for a context of the jsse implementation.
 */
class NettyHandshakePeersTest {

    @TempDir
    Path directory;

    @Test
    void aChannelsSessionIsFoundWithItsRemoteAddressThroughTheAlpnWrapper() {
        TestApplications.localhostServerRunner(directory).run(context -> {
            SSLContext server = context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class);
            NettyHandshakePeers peers = new NettyHandshakePeers(server);
            InetSocketAddress remote = new InetSocketAddress("127.0.0.1", 40123);
            EmbeddedChannel channel = new ChannelFrom(remote);
            SslHandler ssl = NettySslContexts.server(server, true).newHandler(channel.alloc());
            channel.pipeline().addLast(ssl);

            peers.onChannelInit(null, channel, null);

            assertThat(ssl.engine().getClass().getName()).startsWith("io.netty.");
            assertThat(peers.peerOf(ssl.engine().getSession())).isEqualTo(remote);
            assertThat(peers.peerOf(server.createSSLEngine().getSession())).isNull();
            HttpServer plain = HttpServer.create();
            assertThat(peers.apply(plain)).isNotSameAs(plain);
            channel.finishAndReleaseAll();
        });
    }

    @Test
    void aJsseContextIsLeftAlone() {
        TestApplications.localhostServerRunner(directory).withPropertyValues("siotls.implementation=jsse").run(context -> {
            HttpServer server = HttpServer.create();
            NettyHandshakePeers peers = new NettyHandshakePeers(
                    context.getBean(SiotlsAutoConfiguration.SERVER_SSL_CONTEXT, SSLContext.class));
            assertThat(peers.apply(server)).isSameAs(server);
        });
    }

    /** An embedded channel whose peer is {@code remote}. */
    private static final class ChannelFrom extends EmbeddedChannel {

        private final SocketAddress remote;

        ChannelFrom(SocketAddress remote) {
            this.remote = remote;
        }

        @Override
        protected SocketAddress remoteAddress0() {
            return remote;
        }
    }
}
