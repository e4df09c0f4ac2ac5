package io.siotls.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code siotls.*} properties: TLS 1.3 on the siotls engine for the embedded server
 * ({@code siotls.server}) and the HTTP clients ({@code siotls.client}).
 */
@ConfigurationProperties("siotls")
public class SiotlsProperties {

    /** The TLS implementation behind the SSLContext beans. */
    private Implementation implementation = Implementation.SIOTLS;

    /** The server side: the certificate (or raw public key) the embedded server presents, and how it checks clients. */
    @NestedConfigurationProperty
    private final SiotlsServerProperties server = new SiotlsServerProperties();

    /** The client side: how HTTP clients verify servers, and the certificate they present when asked. */
    @NestedConfigurationProperty
    private final SiotlsClientProperties client = new SiotlsClientProperties();

    public Implementation getImplementation() {
        return implementation;
    }

    public void setImplementation(Implementation implementation) {
        this.implementation = implementation;
    }

    public SiotlsServerProperties getServer() {
        return server;
    }

    public SiotlsClientProperties getClient() {
        return client;
    }

    /** The engine the SSLContext beans run on. */
    public enum Implementation {
        /** The siotls engine, through its JSSE provider: every siotls option is honoured. */
        SIOTLS,
        /**
         * The JDK's SunJSSE, given the same keys and trust anchors; options it cannot honour
         * (raw public keys, key logging, OCSP responses, ...) fail at startup.
         */
        JSSE
    }
}
