package io.siotls.spring.autoconfigure.bundle;

import io.siotls.TLSConfiguration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.springframework.boot.ssl.SslBundle;

/** Siotls SSL bundles over a context a test made, for tests outside this package. */
public final class SiotlsBundleFixtures {

    private SiotlsBundleFixtures() {
    }

    /** A siotls bundle ({@link SiotlsBundles#isSiotls}) whose {@code createSslContext()} is {@code context}. */
    public static SslBundle of(SSLContext context, TLSConfiguration configuration) {
        return new SiotlsSslBundle(() -> context, () -> configuration, List::of);
    }
}
