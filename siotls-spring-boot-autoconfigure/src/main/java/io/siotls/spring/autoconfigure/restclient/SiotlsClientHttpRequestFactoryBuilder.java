package io.siotls.spring.autoconfigure.restclient;

import java.util.Objects;
import java.util.function.Function;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * A {@link ClientHttpRequestFactoryBuilder} whose request factories make their HTTPS connections
 * with the siotls client context, unless the settings name an SSL bundle
 * ({@code spring.http.clients.ssl.bundle}, {@code RestClientSsl}, {@code RestTemplateBuilder.sslBundle}):
 * a bundle chosen explicitly is served the way Boot serves it.
 *
 * @param <T> the request factory type
 */
final class SiotlsClientHttpRequestFactoryBuilder<T extends ClientHttpRequestFactory>
        implements ClientHttpRequestFactoryBuilder<T> {

    private final ClientHttpRequestFactoryBuilder<T> delegate;
    private final Function<HttpClientSettings, ClientHttpRequestFactoryBuilder<T>> secured;

    /**
     * @param delegate the builder Boot chose and customized
     * @param secured {@code delegate} made to use the siotls context, for the given settings
     */
    SiotlsClientHttpRequestFactoryBuilder(ClientHttpRequestFactoryBuilder<T> delegate,
            Function<HttpClientSettings, ClientHttpRequestFactoryBuilder<T>> secured) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.secured = Objects.requireNonNull(secured, "secured");
    }

    @Override
    public T build(HttpClientSettings settings) {
        HttpClientSettings effective = settings != null ? settings : HttpClientSettings.defaults();
        if (effective.sslBundle() != null) {
            return delegate.build(effective);
        }
        return secured.apply(effective).build(effective);
    }
}
