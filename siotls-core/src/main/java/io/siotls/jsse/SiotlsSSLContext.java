package io.siotls.jsse;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * An SSLContext made from siotls configurations rather than JSSE managers, carrying what plain
 * JSSE cannot express: raw public keys, key logging, several chains, an OCSP response.
 */
public final class SiotlsSSLContext extends SSLContext {

    private final SiotlsSSLContextSpi spi;

    private SiotlsSSLContext(SiotlsSSLContextSpi spi) {
        super(spi, new SiotlsProvider(), JsseNames.TLS13);
        this.spi = spi;
    }

    /**
     * A context whose client engines and sockets use {@code client} and whose server ones use
     * {@code server}; either may be null when the context serves one side only.
     */
    public static SiotlsSSLContext of(TLSConfiguration client, TLSConfiguration server) {
        if (client == null && server == null) {
            throw new IllegalArgumentException("a client or a server configuration is needed");
        }
        if (client != null && client.side() != Side.CLIENT) {
            throw new IllegalArgumentException("the client configuration is a " + client.side() + " one");
        }
        if (server != null && server.side() != Side.SERVER) {
            throw new IllegalArgumentException("the server configuration is a " + server.side() + " one");
        }
        return new SiotlsSSLContext(new SiotlsSSLContextSpi(client, server));
    }

    /** A context for one configuration's side. */
    public static SiotlsSSLContext of(TLSConfiguration config) {
        return config.side() == Side.CLIENT ? of(config, null) : of(null, config);
    }

    /**
     * Serves the connections made from now on with {@code config}, in place of the configuration
     * of its side (new key material, say); engines and sockets already made keep theirs.
     *
     * @throws IllegalStateException when this context was made without a configuration of that side
     */
    public void reload(TLSConfiguration config) {
        spi.currentState().replace(Objects.requireNonNull(config, "config"));
    }

    /** The configuration new connections of {@code side} get, or null when this context has none. */
    public TLSConfiguration configuration(Side side) {
        return spi.currentState().configuration(side == Side.CLIENT);
    }

    /** Tells {@code listener} of every handshake run from now on by this context's engines and sockets. */
    public void addHandshakeListener(HandshakeListener listener) {
        spi.currentState().addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener} of handshakes. */
    public void removeHandshakeListener(HandshakeListener listener) {
        spi.currentState().removeListener(listener);
    }
}
