package io.siotls.jsse;

import io.siotls.TLSConfiguration;
import java.security.KeyManagementException;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The SSLContext implementation of the {@code siotls} provider: {@link #engineInit} takes the
 * JDK's key and trust managers; {@link SiotlsSSLContext#of} makes one from siotls
 * configurations instead.
 */
public final class SiotlsSSLContextSpi extends SSLContextSpi {

    private volatile ContextState state;

    public SiotlsSSLContextSpi() {
    }

    SiotlsSSLContextSpi(TLSConfiguration client, TLSConfiguration server) {
        this.state = ContextState.fromConfigurations(client, server);
    }

    @Override
    protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random)
            throws KeyManagementException {
        try {
            state = ContextState.fromManagers(keyManagers, trustManagers);
        } catch (KeyStoreException | NoSuchAlgorithmException e) {
            throw new KeyManagementException("cannot load the JDK's default trust managers: " + e.getMessage(), e);
        }
    }

    /** The current state: the one new engines and sockets are made from. */
    ContextState currentState() {
        return state();
    }

    private ContextState state() {
        ContextState current = state;
        if (current == null) {
            throw new IllegalStateException("SSLContext.init() was not called");
        }
        return current;
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return new SiotlsSSLEngine(state(), null, -1);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        return new SiotlsSSLEngine(state(), host, port);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        return new SiotlsSSLSocketFactory(state());
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        return new SiotlsSSLServerSocketFactory(state());
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return state().serverSessions;
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return state().clientSessions;
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return new SSLParameters(JsseNames.cipherSuiteNames(state().defaultCipherSuites(true)),
                JsseNames.SUPPORTED_PROTOCOLS.clone());
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        return new SSLParameters(JsseNames.supportedCipherSuites(), JsseNames.SUPPORTED_PROTOCOLS.clone());
    }
}
