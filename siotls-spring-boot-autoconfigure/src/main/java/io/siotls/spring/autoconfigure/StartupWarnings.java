package io.siotls.spring.autoconfigure;

import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.SniChain;
import io.siotls.spring.autoconfigure.actuator.CertificateStatus;
import io.siotls.spring.autoconfigure.SiotlsServerProperties.SessionTickets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;

/**
 * The warnings logged once per start, after the singletons are made: for each configured chain
 * (server, SNI, client) holding a certificate that is expired, not yet valid, or expiring within
 * {@code siotls.health.certificate-expiry-warning} (the health indicator's window, 14 days by
 * default), naming the property, the subject and the date; and for each side that writes a key
 * log, naming where, since it holds every traffic secret; and for a session ticket key file every
 * user of the host may read. {@code reload-on-update} logs the
 * certificate warnings again for each reload ({@link #certificates(String, TLSConfiguration,
 * SiotlsSideProperties, Duration, Instant)}).
 */
public final class StartupWarnings implements SmartInitializingSingleton {

    /** The property holding the expiry-warning window, shared with the health indicator. */
    static final String WINDOW_PROPERTY = "siotls.health.certificate-expiry-warning";

    /** The window when {@link #WINDOW_PROPERTY} is not set, as the health indicator's. */
    static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

    private static final Log LOG = LogFactory.getLog(StartupWarnings.class);

    private final BeanFactory beans;
    private final SiotlsProperties properties;
    private final Duration window;
    private final Clock clock;

    StartupWarnings(BeanFactory beans, SiotlsProperties properties, Environment environment, Clock clock) {
        this.beans = beans;
        this.properties = properties;
        this.window = window(environment);
        this.clock = clock;
    }

    /** The expiry-warning window: {@code siotls.health.certificate-expiry-warning}, 14 days when it is not set. */
    public static Duration window(Environment environment) {
        return Binder.get(environment).bind(WINDOW_PROPERTY, Duration.class).orElse(DEFAULT_WINDOW);
    }

    @Override
    public void afterSingletonsInstantiated() {
        TLSConfiguration server = configuration(SiotlsAutoConfiguration.SERVER_CONFIGURATION);
        if (server != null) {
            warn(TLSConfigurationFactory.SERVER, server, properties.getServer());
            ticketKeyFile(properties.getServer().getSessionTickets());
            pskKeWithoutForwardSecrecy(server);
        }
        TLSConfiguration client = configuration(SiotlsAutoConfiguration.CLIENT_CONFIGURATION);
        if (client != null) {
            warn(TLSConfigurationFactory.CLIENT, client, properties.getClient());
        }
        new SiotlsSides(beans).namedClients().values()
                .forEach(named -> warn(named.prefix(), named.configuration(), named.properties()));
    }

    private TLSConfiguration configuration(String name) {
        return beans.containsBean(name) ? beans.getBean(name, TLSConfiguration.class) : null;
    }

    private void warn(String prefix, TLSConfiguration configuration, SiotlsSideProperties side) {
        certificates(prefix, configuration, side, window, clock.instant());
        keyLog(prefix, configuration);
    }

    /**
     * Logs a warning for each certificate of side {@code prefix}'s {@code configuration}, made
     * from {@code side}, that is not valid at {@code now}, or valid for less than {@code window},
     * naming the property its chain comes from.
     *
     * @param prefix {@code siotls.server} or {@code siotls.client}
     */
    public static void certificates(String prefix, TLSConfiguration configuration, SiotlsSideProperties side,
            Duration window, Instant now) {
        Map<String, SniChain> sni = side instanceof SiotlsServerProperties server ? server.getSni() : Map.of();
        certificates(configuration, chainProperties(prefix, configuration, side, sni), window, now);
    }

    /** The property each of {@code configuration}'s signing chains comes from, in order. */
    static List<String> chainProperties(String prefix, TLSConfiguration configuration, SiotlsSideProperties side,
            Map<String, SniChain> sni) {
        List<String> names = new ArrayList<>();
        if (!configuration.certificateChain().isEmpty()) {
            names.add(prefix + (side.getBundle() != null ? ".bundle"
                    : side.getKeyStore() != null ? ".key-store" : ".certificate-chain"));
        }
        sni.forEach((host, chain) -> names.add(prefix + ".sni[" + host + "]"
                + (chain.getKeyStore() != null ? ".key-store" : ".certificate-chain")));
        return names;
    }

    /** Logs a warning for each certificate of {@code configuration}'s chains that is not valid, or valid for less than {@code window}. */
    static void certificates(TLSConfiguration configuration, List<String> chainProperties, Duration window, Instant now) {
        List<SigningChain> chains = configuration.signingChains();
        for (int i = 0; i < chains.size(); i++) {
            String property = i < chainProperties.size() ? chainProperties.get(i) : chainProperties.isEmpty()
                    ? "a signing chain" : chainProperties.get(chainProperties.size() - 1);
            List<X509Certificate> chain = chains.get(i).chain();
            for (int position = 0; position < chain.size(); position++) {
                X509Certificate certificate = chain.get(position);
                String which = (position == 0 ? "the end-entity certificate " : "the chain certificate ")
                        + certificate.getSubjectX500Principal().getName();
                Instant notBefore = certificate.getNotBefore().toInstant();
                Instant notAfter = certificate.getNotAfter().toInstant();
                switch (CertificateStatus.of(certificate, now, window)) {
                    case EXPIRED -> LOG.warn(property + ": " + which + " has EXPIRED (notAfter " + notAfter
                            + "): peers will refuse it until it is replaced");
                    case NOT_YET_VALID -> LOG.warn(property + ": " + which + " is NOT YET VALID (notBefore "
                            + notBefore + "): peers will refuse it until then");
                    case WILL_EXPIRE_SOON -> LOG.warn(property + ": " + which + " expires soon (notAfter " + notAfter
                            + ", within " + WINDOW_PROPERTY + "=" + window + ")");
                    case VALID -> {
                    }
                }
            }
        }
    }

    /** Logs a warning when {@code configuration} writes a key log. */
    static void keyLog(String prefix, TLSConfiguration configuration) {
        if (!configuration.logKeys()) {
            return;
        }
        String where = configuration.keyLogFile() != null
                ? "the file " + configuration.keyLogFile().toAbsolutePath() + " (" + prefix + ".key-log-file)"
                : "the io.siotls.keylog logger";
        LOG.warn(prefix + ".log-keys is on: every traffic secret of " + prefix + " connections is written to " + where
                + "; whoever reads it can decrypt the traffic. Never in production.");
    }

    /** Logs a warning when the server may resume sessions with psk_ke, without forward secrecy (RFC 8446 §4.2.9). */
    static void pskKeWithoutForwardSecrecy(TLSConfiguration server) {
        if (server.pskKeWithoutForwardSecrecy()) {
            LOG.warn(TLSConfigurationFactory.SERVER + ".session-tickets.psk-ke-without-forward-secrecy is true: sessions"
                    + " may be resumed without an (EC)DHE exchange (psk_ke, RFC 8446 §4.2.9), and such connections have"
                    + " NO forward secrecy: whoever obtains the ticket keys later decrypts every one recorded");
        }
    }

    /** Logs a warning when the server's session ticket key file may be read by every user of the host. */
    static void ticketKeyFile(SessionTickets tickets) {
        Resource keyFile = tickets.getKeyFile();
        if (keyFile == null || !tickets.sendsTickets() || !keyFile.isFile()) {
            return;
        }
        Path file;
        Set<PosixFilePermission> permissions;
        try {
            file = keyFile.getFile().toPath().toAbsolutePath();
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn(ServerTicketKeys.KEY_FILE + ": " + file + " is readable by every user of the host; whoever reads "
                    + "it can open the session tickets its keys seal and resume those sessions as the server. Make it "
                    + "readable by the server's user only (chmod 600).");
        }
    }
}
