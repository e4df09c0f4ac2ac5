package io.siotls.jsse.tomcat;

import io.siotls.jsse.SiotlsProvider;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.net.SSLContext;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.SSLUtil;
import org.apache.tomcat.util.net.jsse.JSSEImplementation;
import org.apache.tomcat.util.net.jsse.JSSEUtil;

/**
 * Tomcat's JSSE implementation with the handshakes on siotls: Tomcat still builds the key and
 * trust managers from its {@code SSLHostConfig} (keystores, PEM files, certificate verification)
 * and configures each engine; the SSLContext they go into is ours. Select it with
 * {@code connector.setProperty("sslImplementationName", SiotlsSSLImplementation.class.getName())}.
 * TLS 1.3 only: the implemented protocols and ciphers Tomcat filters its configuration with are
 * siotls's.
 */
public class SiotlsSSLImplementation extends JSSEImplementation {

    @Override
    public SSLUtil getSSLUtil(SSLHostConfigCertificate certificate) {
        return new SiotlsJSSEUtil(certificate);
    }

    /** Tomcat's JSSEUtil whose SSLContext is a siotls one. */
    static final class SiotlsJSSEUtil extends JSSEUtil {

        private static final Log LOG = LogFactory.getLog(SiotlsJSSEUtil.class);
        private static final Set<String> PROTOCOLS = Set.of("TLSv1.3");

        SiotlsJSSEUtil(SSLHostConfigCertificate certificate) {
            super(certificate);
        }

        @Override
        protected Log getLog() {
            return LOG;
        }

        @Override
        protected Set<String> getImplementedProtocols() {
            return PROTOCOLS;
        }

        @Override
        protected Set<String> getImplementedCiphers() {
            return implementedCiphers();
        }

        private static Set<String> implementedCiphers() {
            try {
                javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLSv1.3", new SiotlsProvider());
                return Arrays.stream(context.getSupportedSSLParameters().getCipherSuites())
                        .collect(Collectors.toUnmodifiableSet());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the siotls provider has no TLSv1.3 SSLContext", e);
            }
        }

        @Override
        public SSLContext createSSLContextInternal(List<String> negotiableProtocols) throws NoSuchAlgorithmException {
            return new SiotlsTomcatContext(javax.net.ssl.SSLContext.getInstance("TLSv1.3", new SiotlsProvider()));
        }
    }

    /** Tomcat's view of a JSSE SSLContext, over one of ours. */
    static final class SiotlsTomcatContext implements SSLContext {

        private final javax.net.ssl.SSLContext context;
        private KeyManager[] keyManagers;
        private TrustManager[] trustManagers;

        SiotlsTomcatContext(javax.net.ssl.SSLContext context) {
            this.context = context;
        }

        @Override
        public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom sr) throws KeyManagementException {
            this.keyManagers = kms;
            this.trustManagers = tms;
            context.init(kms, tms, sr);
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
            if (keyManagers != null) {
                for (KeyManager manager : keyManagers) {
                    if (manager instanceof X509KeyManager x509) {
                        X509Certificate[] chain = x509.getCertificateChain(alias);
                        if (chain != null && chain.length > 0) {
                            return chain;
                        }
                    }
                }
            }
            return null;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            if (trustManagers != null) {
                for (TrustManager manager : trustManagers) {
                    if (manager instanceof X509TrustManager x509) {
                        return x509.getAcceptedIssuers();
                    }
                }
            }
            return new X509Certificate[0];
        }
    }
}
