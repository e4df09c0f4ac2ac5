package io.siotls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Makes {@link SiotlsSSLServerSocket}s. */
final class SiotlsSSLServerSocketFactory extends SSLServerSocketFactory {

    private final ContextState context;

    SiotlsSSLServerSocketFactory(ContextState context) {
        this.context = context;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return JsseNames.cipherSuiteNames(context.defaultCipherSuites(false));
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.supportedCipherSuites();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new SiotlsSSLServerSocket(context);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new SiotlsSSLServerSocket(context, port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return new SiotlsSSLServerSocket(context, port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return new SiotlsSSLServerSocket(context, port, backlog, address);
    }
}
