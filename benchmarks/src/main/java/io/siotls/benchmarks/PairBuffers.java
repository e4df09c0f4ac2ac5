package io.siotls.benchmarks;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;

/**
 * The four buffers an {@link EnginePair} moves bytes through: a wire each way, sized from the
 * engines' packet buffer size, and an application buffer per side. A handshake benchmark makes
 * them once in its setup and every pair reuses them, as a server reuses its connection buffers.
 */
final class PairBuffers {

    final ByteBuffer clientToServer;
    final ByteBuffer serverToClient;
    final ByteBuffer clientApp;
    final ByteBuffer serverApp;

    private PairBuffers(int packet, int application) {
        clientToServer = ByteBuffer.allocate(packet * 4);
        serverToClient = ByteBuffer.allocate(packet * 4);
        clientApp = ByteBuffer.allocate(application * 2);
        serverApp = ByteBuffer.allocate(application * 2);
    }

    /** Buffers large enough for both engines of a pair, by their sessions' sizes. */
    static PairBuffers forSessions(SSLEngine client, SSLEngine server) {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int application = Math.max(client.getSession().getApplicationBufferSize(),
                server.getSession().getApplicationBufferSize());
        return new PairBuffers(packet, application);
    }

    /** Buffers large enough for the engines {@code contexts} makes. */
    static PairBuffers forContexts(Contexts contexts) {
        SSLEngine client = contexts.newClient();
        client.setUseClientMode(true);
        SSLEngine server = contexts.newServer();
        server.setUseClientMode(false);
        PairBuffers buffers = forSessions(client, server);
        contexts.release(client);
        contexts.release(server);
        return buffers;
    }

    /** These buffers, emptied for the next pair. */
    PairBuffers cleared() {
        clientToServer.clear();
        serverToClient.clear();
        clientApp.clear();
        serverApp.clear();
        return this;
    }
}
