package io.siotls.spring.autoconfigure.couchbase;

import com.couchbase.client.core.env.Authenticator;
import com.couchbase.client.java.Cluster;
import io.siotls.spring.autoconfigure.SiotlsAutoConfiguration;
import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import io.siotls.spring.autoconfigure.bundle.SiotlsSslBundleAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.couchbase.autoconfigure.CouchbaseConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;

/**
 * The Couchbase SDK on the siotls engine when {@code spring.couchbase.env.ssl.bundle} names a
 * siotls bundle. Boot gives the SDK only the bundle's trust managers, from which it builds its
 * own Netty context on the JDK's TLS; here the application's {@link Authenticator} is wrapped
 * ({@link SiotlsCouchbaseAuthenticator}) so that the SDK's context is the bundle's siotls
 * SSLContext. The SDK's native TLS (OpenSSL) is then off.
 */
@AutoConfiguration(after = {SiotlsAutoConfiguration.class, SiotlsSslBundleAutoConfiguration.class})
@ConditionalOnClass({Cluster.class, CouchbaseConnectionDetails.class})
@ConditionalOnProperty("spring.couchbase.env.ssl.bundle")
public class SiotlsCouchbaseAutoConfiguration {

    @Bean
    static BeanPostProcessor siotlsCouchbaseAuthenticator(ObjectProvider<CouchbaseConnectionDetails> details) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof Authenticator authenticator) || bean instanceof SiotlsCouchbaseAuthenticator) {
                    return bean;
                }
                CouchbaseConnectionDetails connection = details.getIfAvailable();
                SslBundle bundle = connection == null ? null : connection.getSslBundle();
                return bundle == null ? bean : SiotlsBundles.sslContext(bundle)
                        .<Object>map(context -> new SiotlsCouchbaseAuthenticator(authenticator,
                                new BundleContextProvider(context)))
                        .orElse(bean);
            }
        };
    }
}
