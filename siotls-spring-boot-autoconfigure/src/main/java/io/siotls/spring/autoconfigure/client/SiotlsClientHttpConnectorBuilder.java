package io.siotls.spring.autoconfigure.client;

import io.siotls.spring.autoconfigure.bundle.SiotlsBundles;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * A {@link ClientHttpConnectorBuilder} whose connectors make their TLS connections with the
 * siotls client context, unless the settings name an SSL bundle ({@code spring.http.clients.ssl.bundle},
 * {@code WebClientSsl.fromBundle}, {@code spring.http.serviceclient.<group>.ssl.bundle}): a bundle
 * chosen explicitly is served the way Boot serves it, with its own trust and key material. A
 * siotls bundle is served that way too where Boot hands the library the bundle's
 * {@code createSslContext()} (the JDK's HttpClient, Apache HttpClient 5, Jetty); where Boot would
 * rebuild a context from the bundle's key and trust managers on the JDK's provider (Reactor
 * Netty), the builder is given the bundle's own siotls context instead.
 *
 * @param <T> the connector type
 */
final class SiotlsClientHttpConnectorBuilder<T extends ClientHttpConnector> implements ClientHttpConnectorBuilder<T> {

    private final ClientHttpConnectorBuilder<T> delegate;
    private final ClientHttpConnectorBuilder<T> secured;
    private final Function<SslBundle, ClientHttpConnectorBuilder<T>> securedBySiotlsBundle;

    /**
     * @param delegate the builder Boot chose and customized
     * @param secured {@code delegate} made to use the siotls client context
     */
    SiotlsClientHttpConnectorBuilder(ClientHttpConnectorBuilder<T> delegate, ClientHttpConnectorBuilder<T> secured) {
        this(delegate, secured, null);
    }

    /**
     * @param delegate the builder Boot chose and customized
     * @param secured {@code delegate} made to use the siotls client context
     * @param securedBySiotlsBundle {@code delegate} made to use the context of the given siotls
     *        bundle, or null where Boot's own handling of a bundle already uses that context
     */
    SiotlsClientHttpConnectorBuilder(ClientHttpConnectorBuilder<T> delegate, ClientHttpConnectorBuilder<T> secured,
            Function<SslBundle, ClientHttpConnectorBuilder<T>> securedBySiotlsBundle) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.secured = Objects.requireNonNull(secured, "secured");
        this.securedBySiotlsBundle = securedBySiotlsBundle;
    }

    @Override
    public T build(HttpClientSettings settings) {
        HttpClientSettings effective = settings != null ? settings : HttpClientSettings.defaults();
        SslBundle bundle = effective.sslBundle();
        if (bundle == null) {
            return secured.build(effective);
        }
        if (securedBySiotlsBundle != null && SiotlsBundles.isSiotls(bundle)) {
            return securedBySiotlsBundle.apply(bundle).build(effective);
        }
        return delegate.build(effective);
    }
}
