package io.siotls.keyschedule;

/** The client's and the server's traffic secrets of one phase, RFC 8446 §7.1. */
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
