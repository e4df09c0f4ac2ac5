package io.siotls.spring.autoconfigure;

import java.time.Duration;
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

    /**
     * How long the files of a side with reload-on-update must stay unchanged before they are
     * read, so that a file still being written is not.
     */
    private Duration reloadQuietPeriod = Duration.ofSeconds(1);

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

    public Duration getReloadQuietPeriod() {
        return reloadQuietPeriod;
    }

    public void setReloadQuietPeriod(Duration reloadQuietPeriod) {
        this.reloadQuietPeriod = reloadQuietPeriod;
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
