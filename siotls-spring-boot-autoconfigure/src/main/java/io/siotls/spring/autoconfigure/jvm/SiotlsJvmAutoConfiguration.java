package io.siotls.spring.autoconfigure.jvm;

import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * TLS for libraries outside Spring Boot's SSL bundles: the application's bundles for
 * {@link SiotlsSslSocketFactory} (named by class, as PgJDBC's {@code sslfactory}), and with
 * {@code siotls.jvm-default-client=true} the siotls client context as the JVM's default
 * ({@link JvmDefaultClient}).
 */
@AutoConfiguration(after = {SiotlsAutoConfiguration.class, SslAutoConfiguration.class})
public class SiotlsJvmAutoConfiguration {

    @Bean
    @ConditionalOnBean(SslBundles.class)
    ApplicationSslBundles siotlsApplicationSslBundles(SslBundles bundles) {
        return new ApplicationSslBundles(bundles);
    }

    @Bean
    @ConditionalOnBooleanProperty("siotls.jvm-default-client")
    @ConditionalOnBean(name = SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT)
    JvmDefaultClient siotlsJvmDefaultClient(@Qualifier(SiotlsAutoConfiguration.CLIENT_SSL_CONTEXT) SSLContext context)
            throws NoSuchAlgorithmException {
        return new JvmDefaultClient(context);
    }
}
