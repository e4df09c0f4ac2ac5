package io.siotls.testing;

import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** JDK key and trust managers over test identities, from the JDK's standard factories. */
public final class JsseMaterial {

    private static final char[] PASSWORD = "test".toCharArray();

    private JsseMaterial() {
    }

    /** Key managers from a PKCS#12 KeyStore holding {@code identity}, via the JDK's KeyManagerFactory. */
    public static KeyManager[] keyManagers(Identity... identities) throws Exception {
        return keyManagers(KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()), identities);
    }

    /** Key managers of {@code factory} (any provider's) from a PKCS#12 KeyStore holding {@code identities}. */
    public static KeyManager[] keyManagers(KeyManagerFactory factory, Identity... identities) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Identity identity : identities) {
            store.setKeyEntry("key" + i++, identity.privateKey(), PASSWORD,
                    identity.chain().toArray(new Certificate[0]));
        }
        factory.init(store, PASSWORD);
        return factory.getKeyManagers();
    }

    /** Trust managers trusting {@code identity}'s root, via the JDK's TrustManagerFactory. */
    public static TrustManager[] trustManagers(Identity... identities) throws Exception {
        return trustManagers(TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()), identities);
    }

    /** Trust managers of {@code factory} (any provider's) trusting {@code identities}' roots. */
    public static TrustManager[] trustManagers(TrustManagerFactory factory, Identity... identities) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Identity identity : identities) {
            store.setCertificateEntry("root" + i++, identity.root());
        }
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** The JDK's own TLS (SunJSSE), TLS 1.3, with these managers. */
    public static SSLContext sunJsse(KeyManager[] keyManagers, TrustManager[] trustManagers) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3", "SunJSSE");
        context.init(keyManagers, trustManagers, null);
        return context;
    }

}
