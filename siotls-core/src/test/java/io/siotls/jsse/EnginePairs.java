package io.siotls.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Drives a client and a server SSLEngine against each other in memory the way hosts do: buffers
 * sized from the session, delegated tasks run, and what is sent after the handshake (a
 * NewSessionTicket) is read before the handshake counts as over.
 */
final class EnginePairs {

    final SSLEngine client;
    final SSLEngine server;
    ByteBuffer clientToServer;
    ByteBuffer serverToClient;
    ByteBuffer clientApp;
    ByteBuffer serverApp;
    boolean clientFinished;
    boolean serverFinished;

    EnginePairs(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
        clientToServer = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        serverToClient = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
        clientApp = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
        serverApp = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
    }

    void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 50 && !(clientFinished && serverFinished
                && clientToServer.position() == 0 && serverToClient.position() == 0); i++) {
            step(client, true);
            step(server, false);
        }
        assertThat(clientFinished).as("client reported FINISHED").isTrue();
        assertThat(serverFinished).as("server reported FINISHED").isTrue();
        assertThat(client.getHandshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
        assertThat(server.getHandshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
    }

    private void step(SSLEngine engine, boolean isClient) throws SSLException {
        HandshakeStatus status = engine.getHandshakeStatus();
        SSLEngineResult result = null;
        switch (status) {
            case NEED_WRAP -> result = engine.wrap(ByteBuffer.allocate(0), isClient ? clientToServer : serverToClient);
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN, NOT_HANDSHAKING -> {
                ByteBuffer in = isClient ? serverToClient : clientToServer;
                in.flip();
                result = engine.unwrap(in, isClient ? clientApp : serverApp);
                in.compact();
            }
            case NEED_TASK -> {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
            }
            default -> {
            }
        }
        if (result != null && result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            if (isClient) {
                clientFinished = true;
            } else {
                serverFinished = true;
            }
        }
    }

    /** Sends {@code data} from {@code from} and returns what the other engine decrypted. */
    byte[] send(byte[] data, boolean fromClient) throws SSLException {
        SSLEngine from = fromClient ? client : server;
        SSLEngine to = fromClient ? server : client;
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer wire = ByteBuffer.allocate(data.length + 2 * from.getSession().getPacketBufferSize()
                + 64 * (data.length / 16384 + 1));
        while (src.hasRemaining()) {
            SSLEngineResult result = from.wrap(src, wire);
            assertThat(result.getStatus()).isEqualTo(SSLEngineResult.Status.OK);
        }
        wire.flip();
        ByteBuffer app = ByteBuffer.allocate(data.length + to.getSession().getApplicationBufferSize());
        while (wire.hasRemaining()) {
            SSLEngineResult result = to.unwrap(wire, app);
            if (result.getStatus() != SSLEngineResult.Status.OK) {
                break;
            }
            while (to.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                to.getDelegatedTask().run();
            }
        }
        byte[] received = new byte[app.position()];
        app.flip().get(received);
        return received;
    }
}
