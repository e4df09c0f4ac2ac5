package io.siotls.spring.autoconfigure.restclient;

import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * A {@link ClientHttpRequestFactoryBuilder} whose request factories make their HTTPS connections
 * with the siotls client context, unless the settings name an SSL bundle
 * ({@code spring.http.clients.ssl.bundle}, {@code RestClientSsl}, {@code RestTemplateBuilder.sslBundle}):
 * a bundle chosen explicitly is served the way Boot serves it. A siotls bundle is served that way
 * too where Boot hands the library the bundle's {@code createSslContext()} (the JDK's HttpClient,
 * Apache HttpClient 5, Jetty); where Boot would rebuild a context from the bundle's key and trust
 * managers on the JDK's provider (Reactor Netty), the builder is given the bundle's own siotls
 * context instead.
 *
 * @param <T> the request factory type
 */
final class SiotlsClientHttpRequestFactoryBuilder<T extends ClientHttpRequestFactory>
        implements ClientHttpRequestFactoryBuilder<T> {

    private final ClientHttpRequestFactoryBuilder<T> delegate;
    private final Function<HttpClientSettings, ClientHttpRequestFactoryBuilder<T>> secured;
    private final Function<HttpClientSettings, ClientHttpRequestFactoryBuilder<T>> securedBySiotlsBundle;

    /**
     * @param delegate the builder Boot chose and customized
     * @param secured {@code delegate} made to use the siotls context, for the given settings
     */
    SiotlsClientHttpRequestFactoryBuilder(ClientHttpRequestFactoryBuilder<T> delegate,
            Function<HttpClientSettings, ClientHttpRequestFactoryBuilder<T>> secured) {
        this(delegate, secured, null);
    }

    /**
     * @param delegate the builder Boot chose and customized
     * @param secured {@code delegate} made to use the siotls context, for the given settings
     * @param securedBySiotlsBundle {@code delegate} made to use the context of the siotls bundle the
     *        settings name, or null where Boot's own handling of a bundle already uses that context
     */
    SiotlsClientHttpRequestFactoryBuilder(ClientHttpRequestFactoryBuilder<T> delegate,
            Function<HttpClientSettings, ClientHttpRequestFactoryBuilder<T>> secured,
            Function<HttpClientSettings, ClientHttpRequestFactoryBuilder<T>> securedBySiotlsBundle) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.secured = Objects.requireNonNull(secured, "secured");
        this.securedBySiotlsBundle = securedBySiotlsBundle;
    }

    @Override
    public T build(HttpClientSettings settings) {
        HttpClientSettings effective = settings != null ? settings : HttpClientSettings.defaults();
        SslBundle bundle = effective.sslBundle();
        if (bundle != null) {
            if (securedBySiotlsBundle != null && SiotlsBundles.isSiotls(bundle)) {
                return securedBySiotlsBundle.apply(effective).build(effective);
            }
            return delegate.build(effective);
        }
        return secured.apply(effective).build(effective);
    }
}
