package io.siotls.handshake;

import io.siotls.keyschedule.HandshakeSecret;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficSecrets;

/**
 * The client's key schedule between ServerHello and the server's Finished (RFC 8446 §7.1): the
 * Handshake Secret, from which the Master Secret comes next, and the handshake traffic secrets
 * that key both Finished messages.
 */
record ClientKeys(KeySchedule schedule, HandshakeSecret secret, TrafficSecrets handshakeTraffic, byte[] clientRandom) {
}
