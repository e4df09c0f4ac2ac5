package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.spring.autoconfigure.HandshakePeerLookup;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;
import org.apache.tomcat.util.net.SecureNio2Channel;
import org.apache.tomcat.util.net.SecureNioChannel;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

/**
 * The peers of Tomcat's TLS connections, for the handshake failure log. Tomcat makes each
 * connection's engine with {@code SSLContext.createSSLEngine()}, without the socket, from the
 * channel that has read the ClientHello (its SNI); nothing Tomcat lets us plug in (the
 * {@code SSLImplementation}, {@code SSLUtil} and {@code SSLContext}, the connector's properties
 * and executor) sees a socket and its engine together before the handshake ends. But the
 * connector's endpoint lists its open connections, each with its channel and the channel's
 * engine, and a refused connection is still open while its engine reports the refusal: so a
 * handshake's peer is the remote address of the connection whose engine has the handshake's
 * session. That lookup walks every open connection, which is why it is done only when asked,
 * that is for a refusal logged at DEBUG.
 */
public class TomcatHandshakePeers implements TomcatConnectorCustomizer, HandshakePeerLookup {

    private final Set<AbstractEndpoint<?, ?>> endpoints = new CopyOnWriteArraySet<>();

    /** Looks among {@code connector}'s connections from now on. */
    @Override
    public void customize(Connector connector) {
        if (connector.getProtocolHandler() instanceof AbstractProtocol<?>) {
            endpoints.add(TomcatEndpoints.of(connector));
        }
    }

    @Override
    public InetSocketAddress peerOf(SSLSession session) {
        for (AbstractEndpoint<?, ?> endpoint : endpoints) {
            for (SocketWrapperBase<?> connection : endpoint.getConnections()) {
                SSLEngine engine = engine(connection.getSocket());
                if (engine != null && engine.getSession() == session) {
                    String address = connection.getRemoteAddr();
                    return address == null ? null
                            : InetSocketAddress.createUnresolved(address, connection.getRemotePort());
                }
            }
        }
        return null;
    }

    /** The engine of a connection's channel, or {@code null} before it has one or without TLS. */
    private static SSLEngine engine(Object channel) {
        if (channel instanceof SecureNioChannel nio) {
            return nio.getSslEngine();
        }
        if (channel instanceof SecureNio2Channel nio2) {
            return nio2.getSslEngine();
        }
        return null;
    }
}
