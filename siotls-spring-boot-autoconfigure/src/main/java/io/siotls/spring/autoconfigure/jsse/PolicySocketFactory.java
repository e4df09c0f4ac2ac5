package io.siotls.spring.autoconfigure.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** Creates SunJSSE client sockets that follow an {@link SslParametersPolicy}. */
final class PolicySocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final SslParametersPolicy policy;

    PolicySocketFactory(SSLSocketFactory delegate, SslParametersPolicy policy) {
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
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(socket, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    private Socket configure(Socket socket) {
        return socket instanceof SSLSocket ssl ? policy.apply(ssl) : socket;
    }
}
