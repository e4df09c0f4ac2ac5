package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.spring.autoconfigure.SiotlsServerProperties;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

/**
 * Makes Tomcat's connector serve HTTPS with the siotls server {@link SSLContext}: TLS 1.3 only,
 * the configuration's cipher suites and client authentication ({@code siotls.server.client-auth}),
 * HTTP/2 by ALPN when {@code server.http2.enabled} added Tomcat's HTTP/2 upgrade protocol, and
 * handshakes bounded by {@code siotls.server.handshake-timeout} ({@link TomcatHandshakeWatchdog}),
 * and a startup line naming where the key and trust material comes from in place of Tomcat's,
 * which names a key store it does not read ({@link TomcatCertificateLog}).
 */
public class SiotlsTomcatConnectorCustomizer implements TomcatConnectorCustomizer {

    private final SSLContext context;
    private final Supplier<TLSConfiguration> configuration;
    private final Duration handshakeTimeout;
    private final SiotlsServerProperties properties;
    private final LoggingSystem logging;

    /**
     * A customizer of a configuration given as it is: the startup line names no property, and
     * Tomcat's own certificate line is left as it is.
     *
     * @param context the server context every connection's engine comes from
     * @param configuration the server configuration new connections get
     * @param handshakeTimeout {@code siotls.server.handshake-timeout}: longer handshakes are closed
     */
    public SiotlsTomcatConnectorCustomizer(SSLContext context, Supplier<TLSConfiguration> configuration,
            Duration handshakeTimeout) {
        this(context, configuration, handshakeTimeout, null, null);
    }

    /**
     * @param context the server context every connection's engine comes from
     * @param configuration the server configuration new connections get
     * @param handshakeTimeout {@code siotls.server.handshake-timeout}: longer handshakes are closed
     * @param properties the properties the configuration is made from, which the startup line
     *        names as the source of the key and trust material; null when it is given as it is
     * @param logging the logging system Tomcat's own certificate line, which names a key store
     *        Tomcat does not read, is raised to WARN through ({@link TomcatCertificateLog}); null
     *        to leave it
     */
    public SiotlsTomcatConnectorCustomizer(SSLContext context, Supplier<TLSConfiguration> configuration,
            Duration handshakeTimeout, SiotlsServerProperties properties, LoggingSystem logging) {
        this.context = context;
        this.configuration = configuration;
        this.handshakeTimeout = handshakeTimeout;
        this.properties = properties;
        this.logging = logging;
    }

    @Override
    public void customize(Connector connector) {
        ProtocolHandler handler = connector.getProtocolHandler();
        if (!(handler instanceof AbstractHttp11Protocol<?> protocol)) {
            throw new IllegalStateException("siotls.server.* needs an HTTP/1.1 connector (NIO or NIO2), not "
                    + handler.getClass().getName());
        }
        TLSConfiguration server = configuration.get();
        SSLHostConfig hostConfig = new SSLHostConfig();
        hostConfig.setHostName(protocol.getDefaultSSLHostConfigName());
        hostConfig.setSslProtocol("TLSv1.3");
        hostConfig.setProtocols("TLSv1.3");
        hostConfig.setCipherSuites(server.cipherSuites().stream().map(CipherSuite::ianaName).collect(Collectors.joining(",")));
        // From JDK 20 Tomcat sets named groups on every engine: with no groups here, every group the
        // client offers (ours or not, even names our engine does not know); with them, those of the
        // client's that are here, in the client's order.
        hostConfig.setGroups(server.keyExchanges().stream().map(NamedGroup::ianaName).collect(Collectors.joining(",")));
        hostConfig.setCertificateVerification(certificateVerification(server.clientAuthentication()));
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(hostConfig, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setSslContext(new TomcatSslContextAdapter(context, configuration));
        hostConfig.addCertificate(certificate);
        protocol.setSSLEnabled(true);
        protocol.setSslImplementationName(SiotlsTomcatSslImplementation.class.getName());
        protocol.addSslHostConfig(hostConfig);
        connector.setScheme("https");
        connector.setSecure(true);
        TomcatHandshakeWatchdog.watch(connector, handshakeTimeout);
        TomcatCertificateLog.replace(connector, properties, configuration, logging);
    }

    /** Tomcat's certificateVerification for a client authentication, which it sets on every engine. */
    static String certificateVerification(ClientAuthentication clientAuthentication) {
        return switch (clientAuthentication) {
            case NONE -> "none";
            case OPTIONAL -> "optional";
            case REQUIRED -> "required";
        };
    }
}
