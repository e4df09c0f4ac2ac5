package io.siotls.jsse;

import io.siotls.Side;
import io.siotls.TLSConfiguration;
import javax.net.ssl.SSLContext;

/**
 * An SSLContext made from siotls configurations rather than JSSE managers, carrying what plain
 * JSSE cannot express: raw public keys, key logging, several chains, an OCSP response.
 */
public final class SiotlsSSLContext extends SSLContext {

    private SiotlsSSLContext(TLSConfiguration client, TLSConfiguration server) {
        super(new SiotlsSSLContextSpi(client, server), new SiotlsProvider(), JsseNames.TLS13);
    }

    /**
     * A context whose client engines and sockets use {@code client} and whose server ones use
     * {@code server}; either may be null when the context serves one side only.
     */
    public static SSLContext of(TLSConfiguration client, TLSConfiguration server) {
        if (client == null && server == null) {
            throw new IllegalArgumentException("a client or a server configuration is needed");
        }
        if (client != null && client.side() != Side.CLIENT) {
            throw new IllegalArgumentException("the client configuration is a " + client.side() + " one");
        }
        if (server != null && server.side() != Side.SERVER) {
            throw new IllegalArgumentException("the server configuration is a " + server.side() + " one");
        }
        return new SiotlsSSLContext(client, server);
    }

    /** A context for one configuration's side. */
    public static SSLContext of(TLSConfiguration config) {
        return config.side() == Side.CLIENT ? of(config, null) : of(null, config);
    }
}
