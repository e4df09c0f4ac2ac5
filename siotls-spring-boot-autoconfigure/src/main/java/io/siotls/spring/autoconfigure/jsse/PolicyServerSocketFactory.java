package io.siotls.spring.autoconfigure.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Creates SunJSSE server sockets that follow an {@link SslParametersPolicy}. */
final class PolicyServerSocketFactory extends SSLServerSocketFactory {

    private final SSLServerSocketFactory delegate;
    private final SslParametersPolicy policy;

    PolicyServerSocketFactory(SSLServerSocketFactory delegate, SslParametersPolicy policy) {
        this.delegate = delegate;
        this.policy = policy;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return policy.cipherSuites().toArray(String[]::new);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return configure(delegate.createServerSocket());
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return configure(delegate.createServerSocket(port));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return configure(delegate.createServerSocket(port, backlog));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return configure(delegate.createServerSocket(port, backlog, address));
    }

    private ServerSocket configure(ServerSocket socket) {
        return socket instanceof SSLServerSocket ssl ? policy.apply(ssl) : socket;
    }
}
