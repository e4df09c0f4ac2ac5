package io.siotls.keyschedule;

/**
 * The client's and the server's traffic secrets of one phase, RFC 8446 §7.1. The arrays are
 * handed out as they are, not copied, so that their holder can zero the only copies: the
 * handshake zeroes each handshake traffic secret once the Finished it keys is sent or verified
 * (§4.4.4), and each application traffic secret when KeyUpdate replaces it (§7.2). Equality is
 * that of the arrays' identities.
 */
public record TrafficSecrets(byte[] client, byte[] server) {

    /** The secret this side reads with. */
    public byte[] read(boolean client) {
        return client ? this.server : this.client;
    }

    /** The secret this side writes with. */
    public byte[] write(boolean client) {
        return client ? this.client : this.server;
    }
}
