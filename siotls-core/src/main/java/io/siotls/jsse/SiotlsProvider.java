package io.siotls.jsse;

import java.security.Provider;

/**
 * The {@code siotls} JSSE provider: {@code SSLContext.getInstance("TLSv1.3", "siotls")} (or
 * {@code "TLS"}, also TLS 1.3 only) gives an SSLContext whose engines and sockets run on the
 * siotls engine. Register it with {@code Security.addProvider(new SiotlsProvider())}, or pass an
 * instance to {@code SSLContext.getInstance}.
 */
public final class SiotlsProvider extends Provider {

    /** The provider's name. */
    public static final String NAME = "siotls";

    private static final long serialVersionUID = 1L;

    public SiotlsProvider() {
        super(NAME, "0.1", "siotls: a pure-Java, Sans-IO TLS 1.3 engine");
        putService(new Service(this, "SSLContext", "TLSv1.3", SiotlsSSLContextSpi.class.getName(), null, null));
        putService(new Service(this, "SSLContext", "TLS", SiotlsSSLContextSpi.class.getName(), null, null));
    }
}
