package io.siotls.testing;

import io.siotls.connection.TLSConnection;

/** Moves bytes between two in-memory connections until both have finished their handshake. */
public final class MemoryPipe {

    private MemoryPipe() {
    }

    /** Runs the whole handshake between {@code client} and {@code server}. */
    public static void handshake(TLSConnection client, TLSConnection server) {
        client.initiateConnection();
        server.initiateConnection();
        for (int round = 0; round < 10 && !(client.isPostHandshake() && server.isPostHandshake()); round++) {
            transfer(client, server);
            transfer(server, client);
        }
        if (!client.isPostHandshake() || !server.isPostHandshake()) {
            throw new AssertionError("the handshake did not finish in 10 round trips");
        }
    }

    /** Delivers what {@code from} has to send to {@code to}. */
    public static void transfer(TLSConnection from, TLSConnection to) {
        byte[] data = from.dataToSend();
        if (data.length > 0 && to.isReceivingOpen()) {
            to.receiveData(data);
        }
    }
}
