package io.siotls.spring.autoconfigure.couchbase;

import java.security.KeyManagementException;
import java.security.Provider;
import java.security.SecureRandom;
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
 * A JCA provider of one ready-made SSLContext, for a library that asks a {@link Provider} for an
 * {@code SSLContext.TLS} and initialises it with key and trust managers of its own (the Couchbase
 * SDK's Netty): every context it gets is the siotls bundle's. Their {@code init} changes nothing,
 * since the bundle's context is configured by {@code siotls.client.*}, where the key and trust
 * material the library holds came from.
 */
final class BundleContextProvider extends Provider {

    private static final long serialVersionUID = 1L;

    BundleContextProvider(SSLContext context) {
        super("siotls-bundle", "1", "the siotls SSLContext of an SSL bundle");
        putService(new Service(this, "SSLContext", "TLS", BundleContextSpi.class.getName(), null, null) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return new BundleContextSpi(context);
            }
        });
    }

    /** The bundle's context behind the SPI an {@link SSLContext} made by this provider calls. */
    static final class BundleContextSpi extends SSLContextSpi {

        private final SSLContext context;

        BundleContextSpi(SSLContext context) {
            this.context = context;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
                throws KeyManagementException {
            // the bundle's context is initialised already, from siotls.client.*
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
