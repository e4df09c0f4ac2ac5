package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.SiotlsSideProperties;
import io.siotls.spring.autoconfigure.SiotlsServerProperties;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.SniChain;
import io.siotls.spring.autoconfigure.TLSConfigurationFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.ObjectName;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.tomcat.util.net.Nio2Endpoint;
import org.apache.tomcat.util.net.NioEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * The startup line saying where a siotls connector's key and trust material comes from, in place
 * of Tomcat's. Tomcat logs, for each certificate of each connector, the key store it read it
 * from; a connector on siotls reads none, so Tomcat names its default ({@code ~/.keystore},
 * alias {@code tomcat}) and no trust store, which is false. Tomcat logs that line on a logger of
 * its own ({@code org.apache.tomcat.util.net.NioEndpoint.certificate}, {@code Nio2Endpoint}'s for
 * NIO2), so that it can be set apart: this raises it to WARN unless the application set its level
 * or made it more verbose than INFO, and logs, once the connector has started, which
 * {@code siotls.server.*} properties (files, SSL bundle) the key material and the trust store come
 * from. Tomcat's certificate line of any other connector of the application is raised with it.
 */
final class TomcatCertificateLog implements LifecycleListener {

    private static final Logger LOG = LoggerFactory.getLogger(TomcatCertificateLog.class);

    private final Connector connector;
    private final SiotlsServerProperties properties;
    private final Supplier<TLSConfiguration> configuration;

    private TomcatCertificateLog(Connector connector, SiotlsServerProperties properties,
            Supplier<TLSConfiguration> configuration) {
        this.connector = connector;
        this.properties = properties;
        this.configuration = configuration;
    }

    /**
     * Quiets Tomcat's certificate line for {@code connector} through {@code logging} (when there
     * is a logging system) and logs the true one when the connector has started (Tomcat logs its
     * own when it binds the port, which embedded Tomcat does on start).
     *
     * @param properties the properties the configuration was made from, or null when it was
     *        given as it is
     * @param configuration the server configuration new connections get
     */
    static void replace(Connector connector, SiotlsServerProperties properties,
            Supplier<TLSConfiguration> configuration, LoggingSystem logging) {
        if (logging != null) {
            quiet(logging, tomcatLogger(connector.getProtocolHandler()));
        }
        connector.addLifecycleListener(new TomcatCertificateLog(connector, properties, configuration));
    }

    /** The logger Tomcat logs the certificates of {@code handler}'s endpoint on. */
    static String tomcatLogger(ProtocolHandler handler) {
        return (handler instanceof Http11Nio2Protocol ? Nio2Endpoint.class : NioEndpoint.class).getName() + ".certificate";
    }

    private static void quiet(LoggingSystem logging, String logger) {
        LoggerConfiguration current = logging.getLoggerConfiguration(logger);
        if (current == null || (current.getConfiguredLevel() == null && current.getEffectiveLevel() == LogLevel.INFO)) {
            logging.setLogLevel(logger, LogLevel.WARN);
        }
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
            String name = connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol
                    ? ObjectName.unquote(protocol.getName()) : connector.toString();
            LOG.info("Connector [{}] serves TLS 1.3 on siotls: {}", name, describe(properties, configuration.get()));
        }
    }

    /**
     * Where {@code configuration}'s key and trust material comes from, by property: the SSL
     * bundle, or the certificate chain, private key, key store or public key files, those of each
     * SNI host name, and the trust store or trusted public keys; with the end-entity certificate's
     * subject.
     *
     * @param properties the properties {@code configuration} was made from, or null
     */
    static String describe(SiotlsServerProperties properties, TLSConfiguration configuration) {
        String prefix = TLSConfigurationFactory.SERVER;
        List<String> keys = new ArrayList<>();
        List<String> trust = new ArrayList<>();
        if (properties != null && properties.getBundle() != null) {
            keys.add("SSL bundle '" + properties.getBundle() + "' (" + prefix + ".bundle)");
            if (configuration.truststore() != null) {
                trust.add("SSL bundle '" + properties.getBundle() + "'");
            }
        } else if (properties != null) {
            add(keys, prefix + ".certificate-chain", properties.getCertificateChain());
            add(keys, prefix + ".key-store", properties.getKeyStore());
            add(keys, prefix + ".public-key", properties.getPublicKey());
            add(keys, prefix + ".private-key", properties.getPrivateKey());
            trust(trust, properties, prefix);
        }
        if (properties != null) {
            for (Map.Entry<String, SniChain> sni : properties.getSni().entrySet()) {
                String sniPrefix = prefix + ".sni[" + sni.getKey() + "]";
                add(keys, sniPrefix + ".certificate-chain", sni.getValue().getCertificateChain());
                add(keys, sniPrefix + ".private-key", sni.getValue().getPrivateKey());
                add(keys, sniPrefix + ".key-store", sni.getValue().getKeyStore());
            }
        }
        String subject = configuration.certificateChain().isEmpty() ? ""
                : " (end-entity certificate " + configuration.certificateChain().get(0).getSubjectX500Principal().getName() + ")";
        String key = keys.isEmpty() ? "the server TLSConfiguration given to siotls, not " + prefix + " properties"
                : String.join(", ", keys);
        String trusted = !trust.isEmpty() ? String.join(", ", trust)
                : configuration.truststore() != null || !configuration.trustedPublicKeys().isEmpty()
                        ? "that of the server TLSConfiguration" : "none";
        return "key material from " + key + subject + "; trust store: " + trusted;
    }

    private static void trust(List<String> trust, SiotlsSideProperties side, String prefix) {
        if (StringUtils.hasText(side.getTruststore())) {
            trust.add(side.getTruststore().trim().equalsIgnoreCase(SiotlsSideProperties.SYSTEM_TRUSTSTORE)
                    ? "the JDK's default trust store (" + prefix + ".truststore=system)"
                    : prefix + ".truststore=" + side.getTruststore().trim());
        }
        if (!side.getTrustedPublicKeys().isEmpty()) {
            trust.add(side.getTrustedPublicKeys().size() + " raw public keys (" + prefix + ".trusted-public-keys)");
        }
    }

    private static void add(List<String> keys, String property, Resource resource) {
        if (resource != null) {
            keys.add(property + " " + resource.getDescription());
        }
    }
}
