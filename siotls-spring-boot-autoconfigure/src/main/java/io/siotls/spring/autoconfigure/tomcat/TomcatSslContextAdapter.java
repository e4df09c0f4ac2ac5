package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.trust.TrustStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import org.apache.tomcat.util.net.SSLContext;

/**
 * Tomcat's view of our ready-made server {@link javax.net.ssl.SSLContext}: every engine Tomcat
 * creates comes from it, so the handshakes run on the siotls configuration (or on SunJSSE with
 * {@code siotls.implementation=jsse}). The chain and trust anchors Tomcat shows (JMX, logs)
 * are the configuration's current ones.
 */
final class TomcatSslContextAdapter implements SSLContext {

    private final javax.net.ssl.SSLContext context;
    private final Supplier<TLSConfiguration> configuration;

    /**
     * @param context the ready-made server context
     * @param configuration the server configuration new connections get (it changes on reload)
     */
    TomcatSslContextAdapter(javax.net.ssl.SSLContext context, Supplier<TLSConfiguration> configuration) {
        this.context = context;
        this.configuration = configuration;
    }

    /** The JSSE context the engines come from. */
    javax.net.ssl.SSLContext context() {
        return context;
    }

    /** The cipher suites every engine is to serve: the configuration's, best first. */
    List<String> cipherSuites() {
        return configuration.get().cipherSuites().stream().map(CipherSuite::ianaName).toList();
    }

    /** Refused: the context is made from the siotls.server.* properties, not from Tomcat's key stores. */
    @Override
    public void init(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
        throw new UnsupportedOperationException(
                "the siotls server SSLContext is made from siotls.server.*, not from Tomcat's key and trust managers");
    }

    @Override
    public void destroy() {
    }

    @Override
    public SSLSessionContext getServerSessionContext() {
        return context.getServerSessionContext();
    }

    @Override
    public SSLEngine createSSLEngine() {
        return context.createSSLEngine();
    }

    @Override
    public SSLServerSocketFactory getServerSocketFactory() {
        return context.getServerSocketFactory();
    }

    @Override
    public SSLParameters getSupportedSSLParameters() {
        return context.getSupportedSSLParameters();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return configuration.get().certificateChain().toArray(X509Certificate[]::new);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        TrustStore truststore = configuration.get().truststore();
        return truststore == null ? new X509Certificate[0] : truststore.trustAnchors().toArray(X509Certificate[]::new);
    }
}
