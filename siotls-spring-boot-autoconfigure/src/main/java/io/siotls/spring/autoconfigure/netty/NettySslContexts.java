package io.siotls.spring.autoconfigure.netty;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Netty {@link SslContext}s around a ready-made JSSE context of ours, so that Reactor Netty's
 * engines are ours rather than ones Netty rebuilds from key and trust managers on the default
 * provider. Cipher suites and protocols are those the context's own engines enable (the
 * configuration's), handed to Netty explicitly: given none, a {@link JdkSslContext} enables its
 * own default list on every engine (TLS_AES_128_GCM_SHA256 and TLS_AES_256_GCM_SHA384, of TLS 1.3),
 * which would serve these to a configuration without them and drop the others. Client
 * authentication is left to the configuration: Netty sets none of its own.
 */
public final class NettySslContexts {

    private NettySslContexts() {
    }

    /**
     * A server context; with {@code http2}, ALPN offers h2 then http/1.1 for Reactor Netty to
     * pick its pipeline by, else the configuration's ALPN list (if any) applies.
     */
    public static SslContext server(SSLContext context, boolean http2) {
        ApplicationProtocolConfig alpn = http2
                ? new ApplicationProtocolConfig(Protocol.ALPN, SelectorFailureBehavior.NO_ADVERTISE,
                        SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2,
                        ApplicationProtocolNames.HTTP_1_1)
                : ApplicationProtocolConfig.DISABLED;
        SSLEngine engine = defaultEngine(context, false);
        return new JdkSslContext(context, false, List.of(engine.getEnabledCipherSuites()),
                IdentityCipherSuiteFilter.INSTANCE, alpn, ClientAuth.NONE, engine.getEnabledProtocols(), false);
    }

    /** A client context: the configuration's ALPN list (if any), verification and certificate apply. */
    public static SslContext client(SSLContext context) {
        return client(context, ApplicationProtocolConfig.DISABLED);
    }

    /**
     * A context for HTTP/2-only protocols such as gRPC: ALPN offers (client) or selects (server)
     * only {@code h2} (RFC 7540 §3.3, RFC 7301), whatever the configuration's ALPN list.
     * {@code clientAuth} {@link ClientAuth#NONE} leaves client authentication to the
     * configuration; OPTIONAL and REQUIRE ask every engine for it.
     */
    public static SslContext http2Only(SSLContext context, boolean client, ClientAuth clientAuth) {
        ApplicationProtocolConfig alpn = new ApplicationProtocolConfig(Protocol.ALPN,
                SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2);
        SSLEngine engine = defaultEngine(context, client);
        return new JdkSslContext(context, client, List.of(engine.getEnabledCipherSuites()),
                IdentityCipherSuiteFilter.INSTANCE, alpn, client ? ClientAuth.NONE : clientAuth,
                engine.getEnabledProtocols(), false);
    }

    private static SslContext client(SSLContext context, ApplicationProtocolConfig alpn) {
        SSLEngine engine = defaultEngine(context, true);
        return new JdkSslContext(context, true, List.of(engine.getEnabledCipherSuites()),
                IdentityCipherSuiteFilter.INSTANCE, alpn, ClientAuth.NONE, engine.getEnabledProtocols(), false);
    }

    /** An engine of {@code context} on one side, untouched: what it enables is the configuration's. */
    private static SSLEngine defaultEngine(SSLContext context, boolean client) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(client);
        return engine;
    }
}
