package io.siotls.spring.autoconfigure.tomcat;

import io.siotls.ClientAuthentication;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

/**
 * Makes Tomcat's connector serve HTTPS with the siotls server {@link SSLContext}: TLS 1.3 only,
 * the configuration's cipher suites and client authentication ({@code siotls.server.client-auth}),
 * HTTP/2 by ALPN when {@code server.http2.enabled} added Tomcat's HTTP/2 upgrade protocol, and
 * handshakes bounded by {@code siotls.server.handshake-timeout} ({@link TomcatHandshakeWatchdog}).
 */
public class SiotlsTomcatConnectorCustomizer implements TomcatConnectorCustomizer {

    private final SSLContext context;
    private final Supplier<TLSConfiguration> configuration;
    private final Duration handshakeTimeout;

    /**
     * @param context the server context every connection's engine comes from
     * @param configuration the server configuration new connections get
     * @param handshakeTimeout {@code siotls.server.handshake-timeout}: longer handshakes are closed
     */
    public SiotlsTomcatConnectorCustomizer(SSLContext context, Supplier<TLSConfiguration> configuration,
            Duration handshakeTimeout) {
        this.context = context;
        this.configuration = configuration;
        this.handshakeTimeout = handshakeTimeout;
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
