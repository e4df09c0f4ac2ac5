package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;

/**
 * One side's part in post-handshake client authentication, RFC 8446 §4.6.2: the messages it
 * consumes once connected, each exchange continuing the transcript as it stood at the client's
 * Finished (§4.4) and keyed by the current client_application_traffic_secret_N.
 */
interface PostHandshakeAuthentication {

    /** Whether a message of {@code type} belongs to this side's exchanges now. */
    boolean accepts(int type);

    /**
     * Consumes one message that {@link #accepts} took. Returns what is negotiated once an
     * exchange changed the peer's identity, else {@code null}.
     *
     * @param clientApplicationSecret the current client_application_traffic_secret_N, the
     *        Base Key of the Finished (§4.4)
     */
    TLSNegotiatedConfiguration receive(int type, byte[] message, byte[] clientApplicationSecret);
}
