package io.siotls.testing;

import io.siotls.jsse.SiotlsProvider;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** SSLContexts of our provider for the JSSE tests, with the key material of {@link JsseMaterial}. */
public final class SiotlsJsse {

    private SiotlsJsse() {
    }

    /** Our provider, TLS 1.3, with these managers. */
    public static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3", new SiotlsProvider());
        context.init(keyManagers, trustManagers, null);
        return context;
    }
}
