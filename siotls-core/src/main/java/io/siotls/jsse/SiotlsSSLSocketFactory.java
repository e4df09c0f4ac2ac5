package io.siotls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/** Makes client {@link SiotlsSSLSocket}s, connected, layered over a socket, or unconnected. */
final class SiotlsSSLSocketFactory extends SSLSocketFactory {

    private final ContextState context;

    SiotlsSSLSocketFactory(ContextState context) {
        this.context = context;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return JsseNames.cipherSuiteNames(context.defaultCipherSuites(true));
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return JsseNames.supportedCipherSuites();
    }

    @Override
    public Socket createSocket() {
        return new SiotlsSSLSocket(context, new Socket(), null, -1, true, true);
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) {
        return new SiotlsSSLSocket(context, socket, host, port, autoClose, true);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port));
        return new SiotlsSSLSocket(context, socket, host, port, true, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return new SiotlsSSLSocket(context, socket, host, port, true, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(address, port));
        return new SiotlsSSLSocket(context, socket, address.getHostAddress(), port, true, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return new SiotlsSSLSocket(context, socket, address.getHostAddress(), port, true, true);
    }
}
