package io.siotls.spring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code siotls.*} properties: TLS 1.3 on the siotls engine for the embedded server
 * ({@code siotls.server}), the HTTP clients and the {@code siotls-client} SSL bundle
 * ({@code siotls.client}), and the named client configurations ({@code siotls.clients.<name>}).
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

    /**
     * Named client configurations, each registered as the SSL bundle siotls-<name> (for example
     * spring.data.redis.ssl.bundle=siotls-redis). Each takes every siotls.client option; those it
     * leaves unset are siotls.client's. Key material (certificate-chain, private-key, key-store,
     * public-key, bundle and their passwords) and trust material (truststore, trusted-public-keys,
     * bundle, insecure-no-peer-verification) are inherited as a whole: setting any one of a group
     * replaces siotls.client's group. Names are lower-case letters, digits and hyphens; client,
     * server and names starting with server- are refused, as they would clash with the bundles
     * siotls-client and siotls-server and the server's key store aliases.
     */
    private final Map<String, SiotlsClientProperties> clients = new LinkedHashMap<>();

    /**
     * Whether to make the siotls client SSLContext the JVM's default (SSLContext.setDefault) at
     * startup, for libraries that take no SSL bundle (JDBC drivers, old SDKs). Every library using
     * the default context then speaks TLS 1.3 only, on siotls, with siotls.client's key and trust
     * material: servers limited to TLS 1.2 are refused. Logged as a warning at startup.
     */
    private boolean jvmDefaultClient;

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

    public Map<String, SiotlsClientProperties> getClients() {
        return clients;
    }

    public boolean isJvmDefaultClient() {
        return jvmDefaultClient;
    }

    public void setJvmDefaultClient(boolean jvmDefaultClient) {
        this.jvmDefaultClient = jvmDefaultClient;
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
