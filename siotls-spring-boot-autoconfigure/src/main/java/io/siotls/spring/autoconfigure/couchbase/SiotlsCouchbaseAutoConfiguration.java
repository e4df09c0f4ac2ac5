package io.siotls.spring.autoconfigure.couchbase;

import com.couchbase.client.core.env.Authenticator;
import com.couchbase.client.core.env.CertificateAuthenticator;
import com.couchbase.client.java.Cluster;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import io.siotls.spring.autoconfigure.netty.ReadyContextProvider;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.couchbase.autoconfigure.CouchbaseConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Couchbase SDK on the siotls engine when {@code spring.couchbase.env.ssl.bundle} names a
 * siotls bundle. Boot gives the SDK only the bundle's trust managers, from which it builds its
 * own Netty context on the JDK's TLS; here the application's {@link Authenticator} is wrapped
 * ({@link SiotlsCouchbaseAuthenticator}) so that the SDK's context is the bundle's siotls
 * SSLContext. The SDK's native TLS (OpenSSL) is then off. The client certificate is then
 * {@code siotls.client}'s: one of {@code spring.couchbase.authentication.*} with a siotls bundle
 * stops the application, naming the bundle property.
 */
@AutoConfiguration(after = {SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class})
@ConditionalOnClass({Cluster.class, CouchbaseConnectionDetails.class})
@ConditionalOnProperty("spring.couchbase.env.ssl.bundle")
public class SiotlsCouchbaseAutoConfiguration {

    private static final String BUNDLE = "spring.couchbase.env.ssl.bundle";

    @Bean
    static BeanPostProcessor siotlsCouchbaseAuthenticator(ObjectProvider<CouchbaseConnectionDetails> details,
            Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof Authenticator authenticator) || bean instanceof SiotlsCouchbaseAuthenticator) {
                    return bean;
                }
                CouchbaseConnectionDetails connection = details.getIfAvailable();
                SslBundle bundle = connection == null ? null : connection.getSslBundle();
                Optional<SSLContext> siotls = bundle == null ? Optional.empty() : SiotlsBundles.sslContext(bundle);
                if (siotls.isEmpty()) {
                    return bean;
                }
                if (authenticator instanceof CertificateAuthenticator) {
                    throw new InvalidConfigurationPropertyValueException(BUNDLE, environment.getProperty(BUNDLE),
                            "the siotls bundle presents siotls.client's certificate, not the one of "
                                    + "spring.couchbase.authentication.*: move the client certificate to "
                                    + "siotls.client.certificate-chain and siotls.client.private-key");
                }
                return new SiotlsCouchbaseAuthenticator(authenticator, ReadyContextProvider.of(siotls.get()));
            }
        };
    }
}
