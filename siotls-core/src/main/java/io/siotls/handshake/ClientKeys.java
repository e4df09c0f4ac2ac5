package io.siotls.handshake;

import io.siotls.keyschedule.HandshakeSecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficSecrets;

/**
 * The client's key schedule between ServerHello and the server's Finished (RFC 8446 §7.1): the
 * Handshake Secret, from which the Master Secret comes next, and the handshake traffic secrets
 * that key both Finished messages; the 0-RTT data in flight, if any, which decides when the client
 * starts writing with its handshake key (RFC 8446 §2.3).
 *
 * @param early the early data sent with the ClientHello, or {@code null}
 */
record ClientKeys(KeySchedule schedule, HandshakeSecret secret, TrafficSecrets handshakeTraffic, byte[] clientRandom,
        ClientEarlyData early) {
}
