package io.siotls.spring.autoconfigure.netty;

import java.security.KeyManagementException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A JCA provider whose one {@code SSLContext} ("TLS", "TLSv1.3") is a ready-made context, for
 * libraries that build their Netty context themselves through
 * {@code SslContextBuilder.sslContextProvider(provider)} (Lettuce) and so cannot be handed a
 * finished {@code SslContext}. Netty then calls {@code init} with the key and trust managers the
 * library was given; those are ignored: the ready context's own configuration (its certificate,
 * trust store, host name verification, listeners and session cache) serves every engine, so a
 * library's "trust all" manager cannot turn verification off either.
 */
public final class ReadyContextProvider extends Provider {

    private static final long serialVersionUID = 1L;

    private ReadyContextProvider(SSLContext context) {
        super("siotls-ready-context", "1.0", "the SSLContext " + context.getProvider().getName() + " made, as it is");
        for (String protocol : new String[] {"TLS", "TLSv1.3"}) {
            putService(new ReadyService(this, protocol, context));
        }
    }

    /** A provider whose {@code SSLContext.getInstance("TLS", provider)} is {@code context}, whatever {@code init} is given. */
    public static ReadyContextProvider of(SSLContext context) {
        return new ReadyContextProvider(Objects.requireNonNull(context, "context"));
    }

    /** The service that hands out the ready context instead of a new one. */
    private static final class ReadyService extends Service {

        private final transient SSLContext context;

        ReadyService(Provider provider, String protocol, SSLContext context) {
            super(provider, "SSLContext", protocol, ReadySpi.class.getName(), null, null);
            this.context = context;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new ReadySpi(context);
        }
    }

    /** Every call goes to the ready context, but {@code init}, which it has had already. */
    private static final class ReadySpi extends SSLContextSpi {

        private final SSLContext context;

        ReadySpi(SSLContext context) {
            this.context = context;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
                throws KeyManagementException {
            // the ready context was initialised from its own configuration
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return context.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return context.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return context.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return context.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return context.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return context.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return context.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return context.getSupportedSSLParameters();
        }
    }
}
