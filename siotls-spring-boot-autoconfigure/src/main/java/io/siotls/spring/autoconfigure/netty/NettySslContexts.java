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
import javax.net.ssl.SSLContext;

/**
 * Netty {@link SslContext}s around a ready-made JSSE context of ours, so that Reactor Netty's
 * engines are ours rather than ones Netty rebuilds from key and trust managers on the default
 * provider. Cipher suites, protocols and client authentication are left to the context's
 * configuration: Netty takes the engines' defaults and sets no client authentication of its own.
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
        return new JdkSslContext(context, false, null, IdentityCipherSuiteFilter.INSTANCE, alpn, ClientAuth.NONE, null,
                false);
    }

    /** A client context: the configuration's ALPN list (if any), verification and certificate apply. */
    public static SslContext client(SSLContext context) {
        return new JdkSslContext(context, true, null, IdentityCipherSuiteFilter.INSTANCE,
                ApplicationProtocolConfig.DISABLED, ClientAuth.NONE, null, false);
    }
}
