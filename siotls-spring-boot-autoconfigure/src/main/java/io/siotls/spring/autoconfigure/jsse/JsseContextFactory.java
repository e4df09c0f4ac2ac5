package io.siotls.spring.autoconfigure.jsse;

import io.siotls.ClientAuthentication;
import io.siotls.Side;
import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.spring.autoconfigure.SiotlsSideProperties;
import io.siotls.spring.autoconfigure.TLSConfigurationFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSLContexts of the JDK's SunJSSE holding the keys and trust anchors of a
 * {@link TLSConfiguration}, for {@code siotls.implementation=jsse}.
 *
 * <p>The key manager chooses among the configuration's chains as siotls does, by the client's
 * SNI host and the key type, so several chains ({@code siotls.server.sni}) are honoured. The
 * contexts' engines and sockets speak TLS 1.3 only, with the configuration's cipher suites,
 * ALPN protocols and client authentication; clients verify host names (HTTPS rules). Options
 * SunJSSE cannot honour fail with {@link io.siotls.spring.autoconfigure.SiotlsPropertyException}.
 */
public final class JsseContextFactory {

    private static final String PROVIDER = "SunJSSE";

    private JsseContextFactory() {
    }

    /**
     * A SunJSSE context for the side of {@code configuration}.
     *
     * @param properties the side's properties, telling which algorithm lists were set explicitly
     * @throws io.siotls.spring.autoconfigure.SiotlsPropertyException naming an option SunJSSE cannot honour
     */
    public static SSLContext create(TLSConfiguration configuration, SiotlsSideProperties properties) {
        boolean client = configuration.side() == Side.CLIENT;
        try {
            SSLContext context = SSLContext.getInstance(SslParametersPolicy.TLS13, PROVIDER);
            context.init(keyManagers(configuration.signingChains()), trustManagers(configuration), new SecureRandom());
            JsseLimits.check(configuration, properties, client ? TLSConfigurationFactory.CLIENT : TLSConfigurationFactory.SERVER,
                    List.of(context.getSupportedSSLParameters().getCipherSuites()));
            ClientAuthentication clientAuth = configuration.clientAuthentication();
            SslParametersPolicy policy = new SslParametersPolicy(
                    configuration.cipherSuites().stream().map(CipherSuite::ianaName).toList(), configuration.alpn(), client,
                    clientAuth == ClientAuthentication.REQUIRED, clientAuth == ClientAuthentication.OPTIONAL);
            return new PolicySSLContext(context, policy);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("SunJSSE cannot hold the siotls configuration: " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(List<SigningChain> chains) {
        return chains.isEmpty() ? null : new KeyManager[] {new SniKeyManager(chains)};
    }

    private static TrustManager[] trustManagers(TLSConfiguration configuration)
            throws GeneralSecurityException, IOException {
        if (configuration.truststore() == null) {
            return null;
        }
        KeyStore store = emptyStore();
        int i = 0;
        for (X509Certificate anchor : configuration.truststore().trustAnchors()) {
            store.setCertificateEntry("anchor-" + i++, anchor);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
