package io.siotls.spring.autoconfigure;

import io.siotls.jsse.HandshakeEvent;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLSession;

/**
 * Finds the peer of a handshake whose engine was made without the peer's address, as Tomcat and
 * Reactor Netty make their servers' engines: the integration that holds the connections looks
 * the handshake's session ({@link HandshakeEvent#session()}) up among them. The
 * {@link SiotlsHandshakeFailureLog} asks every bean of this type, in order, for the server-side
 * refusals it logs at DEBUG whose engine was given no peer.
 */
@FunctionalInterface
public interface HandshakePeerLookup {

    /**
     * The address of the peer whose connection's engine has {@code session}, or {@code null} when
     * none of the connections this lookup knows has it. Called on the thread that ran the
     * handshake, holding that engine's lock: it must be quick and must not block.
     */
    InetSocketAddress peerOf(SSLSession session);
}
