package io.siotls;

import io.siotls.trust.TrustStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one connection may decide differently from its {@link TLSConfiguration}: the names it
 * uses, and integration hooks (a JSSE trust manager or ALPN selector) that need per-connection
 * context. Immutable; build with {@link #builder()}.
 */
public final class ConnectionOptions {

    private static final ConnectionOptions NONE = builder().build();

    private final String serverName;
    private final String verificationHostname;
    private final TrustStore truststore;
    private final Function<List<String>, String> applicationProtocolSelector;
    private final int maxRecordPlaintext;

    private ConnectionOptions(Builder builder) {
        this.serverName = builder.serverName;
        this.verificationHostname = builder.verificationHostname;
        this.truststore = builder.truststore;
        this.applicationProtocolSelector = builder.applicationProtocolSelector;
        this.maxRecordPlaintext = builder.maxRecordPlaintext;
    }

    /** No override at all. */
    public static ConnectionOptions none() {
        return NONE;
    }

    /** The usual client options: {@code hostname} is both sent with SNI and checked against the certificate. */
    public static ConnectionOptions forHost(String hostname) {
        return builder().serverName(hostname).verificationHostname(hostname).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Client-side: the name sent with SNI (never an IP literal), or {@code null}. */
    public String serverName() {
        return serverName;
    }

    /** Client-side: the name (or IP literal) the server's certificate must hold, or {@code null} for no check. */
    public String verificationHostname() {
        return verificationHostname;
    }

    /** Replaces the configuration's trust store for this connection, or {@code null}. */
    public TrustStore truststore() {
        return truststore;
    }

    /**
     * Server-side: picks the application protocol from the client's offer instead of the
     * configuration's ALPN list, or {@code null}. It returns the protocol, {@code ""} for none, or
     * {@code null} to fail with no_application_protocol (the JSSE selector's contract).
     */
    public Function<List<String>, String> applicationProtocolSelector() {
        return applicationProtocolSelector;
    }

    /**
     * The largest plaintext this side puts in one record (a JSSE host's maximum packet size
     * minus the record overhead); the peer's own limits may lower it further. 2^14 by default.
     */
    public int maxRecordPlaintext() {
        return maxRecordPlaintext;
    }

    /** Collects options; every one is optional. */
    public static final class Builder {
        private String serverName;
        private String verificationHostname;
        private TrustStore truststore;
        private Function<List<String>, String> applicationProtocolSelector;
        private int maxRecordPlaintext = 1 << 14;

        private Builder() {
        }

        public Builder serverName(String serverName) {
            this.serverName = serverName;
            return this;
        }

        public Builder verificationHostname(String verificationHostname) {
            this.verificationHostname = verificationHostname;
            return this;
        }

        public Builder truststore(TrustStore truststore) {
            this.truststore = truststore;
            return this;
        }

        public Builder applicationProtocolSelector(Function<List<String>, String> selector) {
            this.applicationProtocolSelector = selector;
            return this;
        }

        /** See {@link ConnectionOptions#maxRecordPlaintext()}; 64 to 2^14 bytes. */
        public Builder maxRecordPlaintext(int bytes) {
            if (bytes < 64 || bytes > 1 << 14) {
                throw new IllegalArgumentException("max record plaintext " + bytes + " is outside 64.." + (1 << 14));
            }
            this.maxRecordPlaintext = bytes;
            return this;
        }

        public ConnectionOptions build() {
            return new ConnectionOptions(this);
        }
    }

    @Override
    public String toString() {
        return "ConnectionOptions{serverName=" + serverName + ", verificationHostname=" + verificationHostname
                + (truststore == null ? "" : ", truststore=" + truststore)
                + (applicationProtocolSelector == null ? "" : ", applicationProtocolSelector")
                + ", maxRecordPlaintext=" + maxRecordPlaintext + "}";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionOptions that && Objects.equals(serverName, that.serverName)
                && Objects.equals(verificationHostname, that.verificationHostname)
                && Objects.equals(truststore, that.truststore)
                && applicationProtocolSelector == that.applicationProtocolSelector
                && maxRecordPlaintext == that.maxRecordPlaintext;
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverName, verificationHostname, truststore);
    }
}
