package io.siotls.spring.autoconfigure.tomcat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.juli.logging.Log;
import org.apache.juli.logging.LogFactory;
import org.apache.tomcat.util.net.SSLContext;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.SSLUtil;
import org.apache.tomcat.util.net.jsse.JSSEImplementation;
import org.apache.tomcat.util.net.jsse.JSSEUtil;

/**
 * Tomcat's JSSE implementation over a ready-made context: the protocols Tomcat filters its
 * {@code SSLHostConfig} with are those of the context set on the certificate
 * ({@link SSLHostConfigCertificate#setSslContext}), TLS 1.3 only, rather than the default
 * provider's, and the cipher suites it enables on every engine are exactly the siotls
 * configuration's. Named by the connector's {@code sslImplementationName}; Tomcat creates it by
 * reflection.
 */
public class SiotlsTomcatSslImplementation extends JSSEImplementation {

    @Override
    public SSLUtil getSSLUtil(SSLHostConfigCertificate certificate) {
        return new ReadyMadeContextUtil(certificate);
    }

    /** A JSSEUtil that takes what is implemented from the certificate's ready-made context. */
    static final class ReadyMadeContextUtil extends JSSEUtil {

        private static final Log LOG = LogFactory.getLog(ReadyMadeContextUtil.class);

        ReadyMadeContextUtil(SSLHostConfigCertificate certificate) {
            super(certificate);
        }

        private static TomcatSslContextAdapter adapter(SSLHostConfigCertificate certificate) {
            if (!(certificate.getSslContext() instanceof TomcatSslContextAdapter adapter)) {
                throw new IllegalStateException("the certificate of SSLHostConfig " + certificate.getSSLHostConfig()
                        .getHostName() + " has no siotls SSLContext: " + SiotlsTomcatSslImplementation.class.getName()
                        + " serves only connectors configured from siotls.server.*");
            }
            return adapter;
        }

        @Override
        protected Log getLog() {
            return LOG;
        }

        @Override
        protected Set<String> getImplementedProtocols() {
            return Set.of(adapter(certificate).context().getSupportedSSLParameters().getProtocols()).stream()
                    .filter("TLSv1.3"::equals).collect(Collectors.toUnmodifiableSet());
        }

        /**
         * The configuration's suites: Tomcat keeps those of its cipher strings that are
         * implemented, and its TLS 1.2 string ({@code ciphers}, {@code HIGH:...} by default) holds
         * TLS 1.3 suites too (TLS_AES_128_CCM_SHA256, and any of them to a configuration without
         * them), which every suite our engine supports would let through.
         */
        @Override
        protected Set<String> getImplementedCiphers() {
            return Set.copyOf(adapter(certificate).cipherSuites());
        }

        /**
         * Exactly the configuration's suites, best first, whatever Tomcat's cipher strings say:
         * Tomcat enables these on every engine (setEnabledCipherSuites), replacing the engine's
         * defaults.
         */
        @Override
        public String[] getEnabledCiphers() {
            return adapter(certificate).cipherSuites().toArray(String[]::new);
        }

        @Override
        public SSLContext createSSLContextInternal(List<String> negotiableProtocols) {
            return adapter(certificate);
        }
    }
}
