package io.siotls;

import java.util.Locale;
import java.util.Objects;

/**
 * The peer a client's resumable sessions belong to (RFC 8446 §4.6.1, §C.4): the host and port it
 * connected to and the configuration it connected with, compared by identity. Two configurations
 * equal in value but built apart never share sessions: a session is resumed only with the very
 * trust settings that authenticated its server.
 */
public final class SessionKey {

    private final String peerHost;
    private final int peerPort;
    private final TLSConfiguration configuration;

    /**
     * @param peerHost the host connected to, as given (a name or an IP literal); compared ignoring case
     * @param peerPort the port connected to
     */
    public SessionKey(String peerHost, int peerPort, TLSConfiguration configuration) {
        this.peerHost = Objects.requireNonNull(peerHost, "peerHost").toLowerCase(Locale.ROOT);
        this.peerPort = peerPort;
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    public String peerHost() {
        return peerHost;
    }

    public int peerPort() {
        return peerPort;
    }

    public TLSConfiguration configuration() {
        return configuration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKey that && peerPort == that.peerPort && peerHost.equals(that.peerHost)
                && configuration == that.configuration;
    }

    @Override
    public int hashCode() {
        return Objects.hash(peerHost, peerPort, System.identityHashCode(configuration));
    }

    @Override
    public String toString() {
        return "SessionKey{" + peerHost + ":" + peerPort + "}";
    }
}
