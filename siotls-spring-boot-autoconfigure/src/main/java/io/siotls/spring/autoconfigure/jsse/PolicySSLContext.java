package io.siotls.spring.autoconfigure.jsse;

import java.security.KeyManagementException;
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

/** An initialised SunJSSE context whose engines and sockets all follow an {@link SslParametersPolicy}. */
final class PolicySSLContext extends SSLContext {

    PolicySSLContext(SSLContext delegate, SslParametersPolicy policy) {
        super(new Spi(delegate, policy), delegate.getProvider(), delegate.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;
        private final SslParametersPolicy policy;

        Spi(SSLContext delegate, SslParametersPolicy policy) {
            this.delegate = delegate;
            this.policy = policy;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("this context is initialised from the siotls.* properties already");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new PolicySocketFactory(delegate.getSocketFactory(), policy);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return new PolicyServerSocketFactory(delegate.getServerSocketFactory(), policy);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return policy.apply(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return policy.apply(delegate.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return policy.apply(delegate.getDefaultSSLParameters());
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }
}
