package io.siotls.jsse;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Netty HTTPS over any SSLContext through {@link JdkSslContext}: a server answering HTTP/1.1 and
 * HTTP/2 (chosen by ALPN) with {@code 200} and a body naming the protocol, and a client for either.
 */
final class NettyHttp implements AutoCloseable {

    /** What a request got back. */
    record Reply(int status, String protocol, String body) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    static SslContext nettyContext(SSLContext context, boolean client, ClientAuth clientAuth,
            String... protocols) {
        return new JdkSslContext(context, client, null, IdentityCipherSuiteFilter.INSTANCE,
                new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols),
                clientAuth);
    }

    /** Starts a server on a loopback port; returns the port. */
    int startServer(SslContext sslContext) throws InterruptedException {
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(sslContext.newHandler(ch.alloc()), new ServerProtocols());
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    private static final class ServerProtocols extends ApplicationProtocolNegotiationHandler {
        ServerProtocols() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                pipeline.addLast(Http2FrameCodecBuilder.forServer().build(),
                        new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
                            @Override
                            protected void initChannel(Http2StreamChannel stream) {
                                stream.pipeline().addLast(new H2ServerStream());
                            }
                        }));
            } else {
                pipeline.addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), new Http1Server());
            }
        }
    }

    static String body(String protocol) {
        return "served over " + protocol;
    }

    private static final class Http1Server extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            ByteBuf content = Unpooled.copiedBuffer(body("http/1.1"), StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            ctx.writeAndFlush(response);
        }
    }

    private static final class H2ServerStream extends SimpleChannelInboundHandler<Http2StreamFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            boolean end = frame instanceof Http2HeadersFrame headers ? headers.isEndStream()
                    : frame instanceof Http2DataFrame data && data.isEndStream();
            if (end) {
                ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                        .set("content-type", "text/plain")));
                ctx.writeAndFlush(new DefaultHttp2DataFrame(
                        Unpooled.copiedBuffer(body("h2"), StandardCharsets.UTF_8), true));
            }
        }
    }

    /**
     * Connects with {@code sslContext} (ALPN offered per its configuration), sends {@code GET /}
     * over the protocol ALPN chose and returns the reply.
     */
    Reply get(SslContext sslContext, int port) throws Exception {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = sslContext.newHandler(ch.alloc(), "localhost", port);
                        ch.pipeline().addLast(ssl, new ClientProtocols(reply));
                        ssl.handshakeFuture().addListener(done -> {
                            if (!done.isSuccess()) {
                                reply.completeExceptionally(done.cause());
                            }
                        });
                    }
                })
                .connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).sync().channel();
        try {
            return reply.get(20, TimeUnit.SECONDS);
        } finally {
            channel.close().sync();
        }
    }

    private static final class ClientProtocols extends ApplicationProtocolNegotiationHandler {
        private final CompletableFuture<Reply> reply;

        ClientProtocols(CompletableFuture<Reply> reply) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.reply = reply;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                pipeline.addLast(Http2FrameCodecBuilder.forClient().build(),
                        new Http2MultiplexHandler(new SimpleChannelInboundHandler<Object>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext c, Object msg) {
                            }
                        }));
                new Http2StreamChannelBootstrap(ctx.channel()).handler(new H2ClientStream(reply)).open()
                        .addListener(opened -> {
                            if (!opened.isSuccess()) {
                                reply.completeExceptionally(opened.cause());
                                return;
                            }
                            Http2StreamChannel stream = (Http2StreamChannel) opened.getNow();
                            stream.writeAndFlush(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("GET")
                                    .scheme("https").authority("localhost").path("/"), true));
                        });
            } else {
                pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new SimpleChannelInboundHandler<FullHttpResponse>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext c, FullHttpResponse response) {
                                reply.complete(new Reply(response.status().code(), "http/1.1",
                                        response.content().toString(StandardCharsets.UTF_8)));
                            }
                        });
                FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/",
                        Unpooled.EMPTY_BUFFER);
                request.headers().set(HttpHeaderNames.HOST, "localhost");
                ctx.channel().writeAndFlush(request);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            reply.completeExceptionally(cause);
            ctx.close();
        }
    }

    private static final class H2ClientStream extends SimpleChannelInboundHandler<Http2StreamFrame> {
        private final CompletableFuture<Reply> reply;
        private final StringBuilder body = new StringBuilder();
        private int status;

        H2ClientStream(CompletableFuture<Reply> reply) {
            this.reply = reply;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
            boolean end = false;
            if (frame instanceof Http2HeadersFrame headers) {
                if (headers.headers().status() != null) {
                    status = Integer.parseInt(headers.headers().status().toString());
                }
                end = headers.isEndStream();
            } else if (frame instanceof Http2DataFrame data) {
                body.append(data.content().toString(StandardCharsets.UTF_8));
                end = data.isEndStream();
            }
            if (end) {
                reply.complete(new Reply(status, "h2", body.toString()));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    }
}
