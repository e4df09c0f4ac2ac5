package io.siotls.spring.autoconfigure.actuator;

import io.siotls.Side;
import io.siotls.SigningChain;
import io.siotls.TLSConfiguration;
import io.siotls.spring.autoconfigure.SiotlsNamedClients.NamedClient;
import io.siotls.spring.autoconfigure.SiotlsSides;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the certificates siotls presents, per side, per named client (under {@code clients})
 * and per chain (the SNI chains included):
 * DOWN when a certificate of a chain is expired or not yet valid, with each certificate's
 * validity, and {@code WILL_EXPIRE_SOON} for those expiring within
 * {@code siotls.health.certificate-expiry-warning}. A raw public key has no validity to check.
 */
public class SiotlsHealthIndicator extends AbstractHealthIndicator {

    private final SiotlsSides sides;
    private final Duration warning;
    private final Clock clock;

    SiotlsHealthIndicator(SiotlsSides sides, Duration warning, Clock clock) {
        super("siotls certificate health check failed");
        this.sides = sides;
        this.warning = warning;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        List<String> expiringSoon = new ArrayList<>();
        boolean usable = true;
        for (Map.Entry<Side, TLSConfiguration> side : sides.configurations().entrySet()) {
            Map<String, Object> details = new LinkedHashMap<>();
            usable &= check(side.getValue(), now, details, expiringSoon);
            builder.withDetail(SiotlsSides.name(side.getKey()), details);
        }
        Map<String, Object> clients = new LinkedHashMap<>();
        for (NamedClient client : sides.namedClients().values()) {
            Map<String, Object> details = new LinkedHashMap<>();
            usable &= check(client.currentConfiguration(), now, details, expiringSoon);
            clients.put(client.name(), details);
        }
        if (!clients.isEmpty()) {
            builder.withDetail("clients", clients);
        }
        if (!expiringSoon.isEmpty()) {
            builder.withDetail("expiringSoon", expiringSoon);
        }
        if (usable) {
            builder.up();
        } else {
            builder.down();
        }
    }

    /**
     * Puts in {@code details} each certificate's status and adds to {@code expiringSoon} those
     * expiring soon; returns whether every certificate of {@code configuration} is usable.
     */
    private boolean check(TLSConfiguration configuration, Instant now, Map<String, Object> details,
            List<String> expiringSoon) {
        boolean usable = true;
        List<Object> chains = new ArrayList<>();
        for (SigningChain chain : configuration.signingChains()) {
            List<Map<String, Object>> certificates = new ArrayList<>();
            for (X509Certificate certificate : chain.chain()) {
                CertificateStatus status = CertificateStatus.of(certificate, now, warning);
                usable &= !status.unusable();
                if (status == CertificateStatus.WILL_EXPIRE_SOON) {
                    expiringSoon.add(certificate.getSubjectX500Principal().getName());
                }
                certificates.add(CertificateStatus.describe(certificate, now, warning));
            }
            chains.add(certificates);
        }
        if (configuration.publicKey() != null) {
            details.put("rawPublicKey", configuration.publicKey().getAlgorithm());
        }
        details.put("chains", chains);
        return usable;
    }
}
