package io.siotls.spring.autoconfigure.couchbase;

import com.couchbase.client.core.deps.io.netty.channel.ChannelPipeline;
import com.couchbase.client.core.deps.io.netty.handler.codec.http.HttpRequest;
import com.couchbase.client.core.deps.io.netty.handler.ssl.SslContextBuilder;
import com.couchbase.client.core.deps.io.netty.handler.ssl.SslProvider;
import com.couchbase.client.core.endpoint.EndpointContext;
import com.couchbase.client.core.env.Authenticator;
import com.couchbase.client.core.io.netty.kv.sasl.SingleStepSaslAuthParameters;
import com.couchbase.client.core.service.ServiceType;
import java.security.Provider;

/**
 * The application's Couchbase authenticator, with the SDK's TLS moved onto the siotls bundle's
 * SSLContext: the SDK lets only its authenticator change the Netty {@link SslContextBuilder} it
 * builds each connection's TLS with, so this one, after the authenticator's own settings, makes
 * the builder take its JDK context from a {@link io.siotls.spring.autoconfigure.netty.ReadyContextProvider}. Everything else is the
 * authenticator's.
 */
final class SiotlsCouchbaseAuthenticator implements Authenticator {

    private final Authenticator authenticator;
    private final Provider bundle;

    SiotlsCouchbaseAuthenticator(Authenticator authenticator, Provider bundle) {
        this.authenticator = authenticator;
        this.bundle = bundle;
    }

    @Override
    public void authKeyValueConnection(EndpointContext endpointContext, ChannelPipeline pipeline) {
        authenticator.authKeyValueConnection(endpointContext, pipeline);
    }

    @Override
    public void authHttpRequest(ServiceType serviceType, HttpRequest request) {
        authenticator.authHttpRequest(serviceType, request);
    }

    @Override
    public String getAuthHeaderValue() {
        return authenticator.getAuthHeaderValue();
    }

    @Override
    public void applyTlsProperties(SslContextBuilder context) {
        authenticator.applyTlsProperties(context);
        context.sslProvider(SslProvider.JDK).sslContextProvider(bundle);
    }

    @Override
    public boolean requiresTls() {
        return authenticator.requiresTls();
    }

    @Override
    public SingleStepSaslAuthParameters getSingleStepSaslAuthParameters() {
        return authenticator.getSingleStepSaslAuthParameters();
    }

    @Override
    public String toString() {
        return authenticator + " on siotls";
    }
}
