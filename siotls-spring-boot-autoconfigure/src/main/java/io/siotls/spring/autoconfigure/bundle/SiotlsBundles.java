package io.siotls.spring.autoconfigure.bundle;

import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundle;

/**
 * Tells the siotls SSL bundles apart from others, for the integrations whose library builds its
 * own TLS from a bundle's key and trust managers (Netty-based clients and servers): given a
 * siotls bundle, they take its SSLContext instead, so that the connection runs on the siotls
 * engine.
 */
public final class SiotlsBundles {

    private SiotlsBundles() {
    }

    /** The siotls SSLContext of {@code bundle}, or empty when it is not a siotls bundle. */
    public static Optional<SSLContext> sslContext(SslBundle bundle) {
        return bundle instanceof SiotlsSslBundle siotls ? Optional.of(siotls.createSslContext()) : Optional.empty();
    }
}
