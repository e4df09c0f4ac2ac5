package io.siotls;

import java.util.Locale;
import java.util.Objects;

/**
 * The peer a client's resumable sessions belong to (RFC 8446 §4.6.1, §C.4): the host and port it
 * connected to and the configuration it connected with, compared by identity, and a scope the
 * caller may add (a JSSE engine's endpoint identification algorithm). Two configurations equal in
 * value but built apart never share sessions: a session is resumed only with the very trust
 * settings, and the same checks of the server's name, that authenticated its server.
 */
public final class SessionKey {

    private final String peerHost;
    private final int peerPort;
    private final TLSConfiguration configuration;
    private final String scope;

    /** A key without a scope. */
    public SessionKey(String peerHost, int peerPort, TLSConfiguration configuration) {
        this(peerHost, peerPort, configuration, null);
    }

    /**
     * @param peerHost the host connected to, as given (a name or an IP literal); compared ignoring case
     * @param peerPort the port connected to
     * @param scope what else keeps sessions apart, or {@code null}: sessions are resumed only under the same scope
     */
    public SessionKey(String peerHost, int peerPort, TLSConfiguration configuration, String scope) {
        this.peerHost = Objects.requireNonNull(peerHost, "peerHost").toLowerCase(Locale.ROOT);
        this.peerPort = peerPort;
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.scope = scope;
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

    /** The scope, or {@code null}. */
    public String scope() {
        return scope;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKey that && peerPort == that.peerPort && peerHost.equals(that.peerHost)
                && configuration == that.configuration && Objects.equals(scope, that.scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(peerHost, peerPort, System.identityHashCode(configuration), scope);
    }

    @Override
    public String toString() {
        return "SessionKey{" + peerHost + ":" + peerPort + (scope == null ? "" : ", " + scope) + "}";
    }
}
