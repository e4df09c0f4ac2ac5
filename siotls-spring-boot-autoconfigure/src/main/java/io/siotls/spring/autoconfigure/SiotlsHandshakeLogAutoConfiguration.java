package io.siotls.spring.autoconfigure;

import java.time.Clock;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Logs the handshakes the siotls contexts refuse, whichever server or client uses them. */
@AutoConfiguration(after = SiotlsAutoConfiguration.class)
public class SiotlsHandshakeLogAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SiotlsHandshakeFailureLog siotlsHandshakeFailureLog(BeanFactory beans) {
        return new SiotlsHandshakeFailureLog(beans, Clock.systemUTC());
    }
}
