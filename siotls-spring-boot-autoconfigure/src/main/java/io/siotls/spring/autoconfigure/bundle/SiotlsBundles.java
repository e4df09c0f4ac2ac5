package io.siotls.spring.autoconfigure.bundle;

import org.springframework.boot.ssl.SslBundle;

/**
 * Tells the SSL bundles this starter registers ({@value SiotlsSslBundleAutoConfiguration#CLIENT_BUNDLE},
 * {@value SiotlsSslBundleAutoConfiguration#SERVER_BUNDLE}) from any other, for the integrations
 * whose library would otherwise rebuild a context from the bundle's key and trust managers on
 * the JDK's provider: given one of ours, they take its {@link SslBundle#createSslContext()}.
 */
public final class SiotlsBundles {

    private SiotlsBundles() {
    }

    /** Whether {@code bundle} is a siotls bundle, whose {@code createSslContext()} is the siotls context; false for null. */
    public static boolean isSiotls(SslBundle bundle) {
        return bundle instanceof SiotlsSslBundle;
    }
}
