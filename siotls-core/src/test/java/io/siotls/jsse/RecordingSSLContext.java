package io.siotls.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * An SSLContext that hands out what {@code delegate} makes and remembers every engine and client
 * socket, so a test can check that a host (HttpClient, Netty, Tomcat) really ran on our classes.
 */
final class RecordingSSLContext extends SSLContext {

    private final Recorder recorder;

    private RecordingSSLContext(Recorder recorder, SSLContext delegate) {
        super(recorder, delegate.getProvider(), delegate.getProtocol());
        this.recorder = recorder;
    }

    static RecordingSSLContext of(SSLContext delegate) {
        return new RecordingSSLContext(new Recorder(delegate), delegate);
    }

    /** The engines and client sockets created so far, in order. */
    List<Object> created() {
        return List.copyOf(recorder.created);
    }

    /**
     * The engines created so far that completed a handshake (hosts such as Netty's JdkSslContext
     * also create engines only to read their defaults).
     */
    List<SSLEngine> handshaked() {
        return recorder.created.stream().filter(SSLEngine.class::isInstance).map(SSLEngine.class::cast)
                .filter(engine -> !"NONE".equals(engine.getSession().getProtocol())).toList();
    }

    private static final class Recorder extends SSLContextSpi {
        private final SSLContext delegate;
        private final List<Object> created = new CopyOnWriteArrayList<>();

        Recorder(SSLContext delegate) {
            this.delegate = delegate;
        }

        private <T> T record(T made) {
            created.add(made);
            return made;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw new UnsupportedOperationException("the delegate is initialised already");
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return record(delegate.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return record(delegate.createSSLEngine(host, port));
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            SSLSocketFactory factory = delegate.getSocketFactory();
            return new SSLSocketFactory() {
                @Override
                public String[] getDefaultCipherSuites() {
                    return factory.getDefaultCipherSuites();
                }

                @Override
                public String[] getSupportedCipherSuites() {
                    return factory.getSupportedCipherSuites();
                }

                @Override
                public Socket createSocket() throws IOException {
                    return record(factory.createSocket());
                }

                @Override
                public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
                    return record(factory.createSocket(s, host, port, autoClose));
                }

                @Override
                public Socket createSocket(String host, int port) throws IOException {
                    return record(factory.createSocket(host, port));
                }

                @Override
                public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                    return record(factory.createSocket(host, port, local, localPort));
                }

                @Override
                public Socket createSocket(InetAddress host, int port) throws IOException {
                    return record(factory.createSocket(host, port));
                }

                @Override
                public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                        throws IOException {
                    return record(factory.createSocket(host, port, local, localPort));
                }
            };
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
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
            return delegate.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return delegate.getSupportedSSLParameters();
        }
    }
}
