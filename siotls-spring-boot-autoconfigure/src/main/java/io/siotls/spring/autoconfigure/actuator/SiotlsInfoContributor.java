package io.siotls.spring.autoconfigure.actuator;

import io.siotls.Side;
import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.spring.autoconfigure.SiotlsProperties;
import io.siotls.spring.autoconfigure.SiotlsProperties.Implementation;
import io.siotls.spring.autoconfigure.SiotlsSides;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@code /actuator/info} under {@code siotls}: the implementation serving the SSLContexts and,
 * per side and per named client (under {@code clients}, with its bundle), what its new connections offer — cipher suites, key exchanges, ALPN, client
 * authentication, the credential (certificate chains or raw public key), how the peer is
 * verified and, for a siotls server, its session tickets (SunJSSE's are its own). Key material
 * itself never appears.
 */
public class SiotlsInfoContributor implements InfoContributor {

    private final SiotlsSides sides;
    private final SiotlsProperties properties;
    private final Clock clock;

    SiotlsInfoContributor(SiotlsSides sides, SiotlsProperties properties, Clock clock) {
        this.sides = sides;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> siotls = new LinkedHashMap<>();
        siotls.put("implementation", properties.getImplementation().name().toLowerCase(Locale.ROOT));
        sides.configurations().forEach((side, configuration) -> siotls.put(SiotlsSides.name(side),
                describe(side, configuration, properties, clock.instant())));
        Map<String, Object> clients = new LinkedHashMap<>();
        sides.namedClients().forEach((name, client) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("bundle", client.bundleName());
            details.putAll(describe(Side.CLIENT, client.currentConfiguration(), properties, clock.instant()));
            clients.put(name, details);
        });
        if (!clients.isEmpty()) {
            siotls.put("clients", clients);
        }
        builder.withDetail("siotls", siotls);
    }

    private static Map<String, Object> describe(Side side, TLSConfiguration configuration, SiotlsProperties properties,
            Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("protocol", "TLSv1.3");
        details.put("cipherSuites", configuration.cipherSuites().stream().map(CipherSuite::ianaName).toList());
        details.put("keyExchanges", configuration.keyExchanges().stream().map(NamedGroup::ianaName).toList());
        details.put("alpn", configuration.alpn());
        if (side == Side.SERVER) {
            details.put("clientAuthentication", configuration.clientAuthentication().name().toLowerCase(Locale.ROOT));
            if (properties.getImplementation() == Implementation.SIOTLS) {
                details.put("sessionTickets", SessionTicketsInfo.of(configuration,
                        properties.getServer().getSessionTickets().getKeyFile(), now));
            }
        }
        details.put("credential", credential(configuration));
        details.put("peerVerification", peerVerification(configuration));
        details.put("logKeys", configuration.logKeys());
        return details;
    }

    private static Object credential(TLSConfiguration configuration) {
        if (configuration.publicKey() != null) {
            return Map.of("rawPublicKey", configuration.publicKey().getAlgorithm());
        }
        List<Map<String, Object>> chains = new ArrayList<>();
        for (SigningChain chain : configuration.signingChains()) {
            X509Certificate leaf = chain.leaf();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("subject", leaf.getSubjectX500Principal().getName());
            entry.put("issuer", leaf.getIssuerX500Principal().getName());
            entry.put("validityEnds", leaf.getNotAfter().toInstant());
            entry.put("keyAlgorithm", leaf.getPublicKey().getAlgorithm());
            chains.add(entry);
        }
        return chains.isEmpty() ? "none" : Map.of("certificateChains", chains);
    }

    private static String peerVerification(TLSConfiguration configuration) {
        if (configuration.insecureNoPeerVerification()) {
            return "NONE (insecure-no-peer-verification)";
        }
        List<String> ways = new ArrayList<>();
        if (configuration.truststore() != null) {
            ways.add(configuration.truststore().trustAnchors().size() + " trust anchors");
        }
        if (!configuration.trustedPublicKeys().isEmpty()) {
            ways.add(configuration.trustedPublicKeys().size() + " trusted raw public keys");
        }
        return ways.isEmpty() ? "none configured" : String.join(", ", ways);
    }
}
