package io.siotls.spring.autoconfigure.actuator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code siotls.health.*} properties of the siotls health indicator. */
@ConfigurationProperties("siotls.health")
public class SiotlsHealthProperties {

    /** How long before its expiry a certificate is reported as WILL_EXPIRE_SOON. */
    private Duration certificateExpiryWarning = Duration.ofDays(14);

    public Duration getCertificateExpiryWarning() {
        return certificateExpiryWarning;
    }

    public void setCertificateExpiryWarning(Duration certificateExpiryWarning) {
        this.certificateExpiryWarning = certificateExpiryWarning;
    }
}
