package io.siotls.spring.autoconfigure.jsse;

import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The per-connection settings a SunJSSE {@code SSLContext} cannot hold itself, applied to every
 * engine and socket it creates: TLS 1.3 only, the cipher suites, ALPN, client authentication,
 * and (client-side) host name verification.
 */
record SslParametersPolicy(List<String> cipherSuites, List<String> alpn, boolean client, boolean needClientAuth,
        boolean wantClientAuth) {

    static final String TLS13 = "TLSv1.3";

    /** {@code parameters}, changed in place to follow this policy. */
    SSLParameters apply(SSLParameters parameters) {
        parameters.setProtocols(new String[] {TLS13});
        parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
        if (!alpn.isEmpty()) {
            parameters.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        if (client) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        } else if (needClientAuth) {
            parameters.setNeedClientAuth(true);
        } else {
            parameters.setWantClientAuth(wantClientAuth);
        }
        return parameters;
    }

    SSLEngine apply(SSLEngine engine) {
        engine.setSSLParameters(apply(engine.getSSLParameters()));
        return engine;
    }

    SSLSocket apply(SSLSocket socket) {
        socket.setSSLParameters(apply(socket.getSSLParameters()));
        return socket;
    }

    SSLServerSocket apply(SSLServerSocket socket) {
        socket.setSSLParameters(apply(socket.getSSLParameters()));
        return socket;
    }
}
