package io.siotls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * A listening socket whose accepted connections are {@link SiotlsSSLSocket}s in server mode,
 * each configured with this socket's SSL parameters.
 */
final class SiotlsSSLServerSocket extends SSLServerSocket {

    private final ContextState context;
    private final SiotlsSSLEngine template;
    private boolean sessionCreation = true;

    SiotlsSSLServerSocket(ContextState context) throws IOException {
        super();
        this.context = context;
        this.template = serverEngine(context);
    }

    SiotlsSSLServerSocket(ContextState context, int port, int backlog, InetAddress address) throws IOException {
        super(port, backlog, address);
        this.context = context;
        this.template = serverEngine(context);
    }

    private static SiotlsSSLEngine serverEngine(ContextState context) {
        SiotlsSSLEngine engine = new SiotlsSSLEngine(context, null, -1);
        engine.setUseClientMode(false);
        return engine;
    }

    @Override
    public Socket accept() throws IOException {
        Socket plain = new Socket();
        implAccept(plain);
        SiotlsSSLSocket socket = new SiotlsSSLSocket(context, plain, plain.getInetAddress().getHostAddress(),
                plain.getPort(), true, false);
        socket.setSSLParameters(getSSLParameters());
        socket.setEnableSessionCreation(sessionCreation);
        return socket;
    }

    @Override
    public synchronized String[] getEnabledCipherSuites() {
        return template.getEnabledCipherSuites();
    }

    @Override
    public synchronized void setEnabledCipherSuites(String[] suites) {
        template.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return template.getSupportedCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return template.getSupportedProtocols();
    }

    @Override
    public synchronized String[] getEnabledProtocols() {
        return template.getEnabledProtocols();
    }

    @Override
    public synchronized void setEnabledProtocols(String[] protocols) {
        template.setEnabledProtocols(protocols);
    }

    @Override
    public synchronized void setNeedClientAuth(boolean need) {
        template.setNeedClientAuth(need);
    }

    @Override
    public synchronized boolean getNeedClientAuth() {
        return template.getNeedClientAuth();
    }

    @Override
    public synchronized void setWantClientAuth(boolean want) {
        template.setWantClientAuth(want);
    }

    @Override
    public synchronized boolean getWantClientAuth() {
        return template.getWantClientAuth();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        if (mode) {
            throw new IllegalArgumentException("a server socket of siotls accepts server-side connections only");
        }
    }

    @Override
    public boolean getUseClientMode() {
        return false;
    }

    @Override
    public synchronized void setEnableSessionCreation(boolean flag) {
        sessionCreation = flag;
    }

    @Override
    public synchronized boolean getEnableSessionCreation() {
        return sessionCreation;
    }

    @Override
    public synchronized SSLParameters getSSLParameters() {
        return template.getSSLParameters();
    }

    @Override
    public synchronized void setSSLParameters(SSLParameters parameters) {
        template.setSSLParameters(parameters);
    }

    @Override
    public String toString() {
        return "SiotlsSSLServerSocket[" + getLocalSocketAddress() + "]";
    }
}
