package io.siotls.spring.autoconfigure.bundle;

import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundle;

/**
 * Tells the siotls SSL bundles ({@value SiotlsSslBundleAutoConfiguration#CLIENT_BUNDLE},
 * {@value SiotlsSslBundleAutoConfiguration#SERVER_BUNDLE} and the others this starter registers)
 * apart from others, for the integrations whose library builds its own TLS from a bundle's key
 * and trust managers on the JDK's provider (Netty-based clients and servers): given a siotls
 * bundle, they take its {@link SslBundle#createSslContext()} instead, so that the connection runs
 * on the siotls engine.
 */
public final class SiotlsBundles {

    private SiotlsBundles() {
    }

    /** Whether {@code bundle} is a siotls bundle, whose {@code createSslContext()} is the siotls context; false for null. */
    public static boolean isSiotls(SslBundle bundle) {
        return bundle instanceof SiotlsSslBundle;
    }

    /** The siotls SSLContext of {@code bundle}, or empty when it is not a siotls bundle. */
    public static Optional<SSLContext> sslContext(SslBundle bundle) {
        return isSiotls(bundle) ? Optional.of(bundle.createSslContext()) : Optional.empty();
    }
}
