package io.siotls.benchmarks;

import io.siotls.testing.KeyType;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A client and a server SSLEngine connected through in-memory buffers, driven on one thread:
 * what both implementations are measured through. Engines made without a peer host cannot resume
 * a session: every handshake is a full one. A pair made for a peer resumes the sessions whose
 * tickets an earlier pair of the same contexts received ({@link #receiveTickets()}).
 */
final class EnginePair {

    final SSLEngine client;
    final SSLEngine server;
    private final Contexts contexts;
    private final ByteBuffer clientToServer;
    private final ByteBuffer serverToClient;
    private final ByteBuffer clientApp;
    private final ByteBuffer serverApp;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** The bytes of the server's first flight (ServerHello to Finished); 0 before it is sent. */
    private int serverFirstFlight;

    EnginePair(Contexts contexts, String cipherSuite) {
        this(contexts, cipherSuite, null);
    }

    /**
     * A pair of {@code implementation}'s engines (ECDSA P-256 server, no client certificate) past
     * its handshake, checked to have negotiated {@code cipherSuite}: where the bulk benchmarks
     * start.
     */
    static EnginePair established(Implementation implementation, String cipherSuite) throws SSLException {
        EnginePair pair = new EnginePair(Contexts.of(implementation, KeyType.EC_P256, false), cipherSuite);
        pair.handshake();
        String negotiated = pair.client.getSession().getCipherSuite();
        if (!negotiated.equals(cipherSuite)) {
            throw new IllegalStateException(implementation + " negotiated " + negotiated + ", not " + cipherSuite);
        }
        return pair;
    }

    /**
     * A pair whose in-memory wires and application buffers are {@code buffers}, cleared and
     * reused, so that what a handshake benchmark counts as allocated is the engines' own; null
     * allocates buffers for this pair alone, sized by the engines' sessions.
     */
    EnginePair(Contexts contexts, String cipherSuite, PairBuffers buffers) {
        this(contexts, contexts.newClient(), cipherSuite, buffers);
    }

    /**
     * A pair whose client engine is made for the peer {@code host}:{@code port}, so that it may
     * resume; {@code buffers} as above.
     */
    EnginePair(Contexts contexts, String host, int port, PairBuffers buffers) {
        this(contexts, contexts.newClient(host, port), null, buffers);
    }

    private EnginePair(Contexts contexts, SSLEngine clientEngine, String cipherSuite, PairBuffers buffers) {
        this.contexts = contexts;
        client = clientEngine;
        client.setUseClientMode(true);
        server = contexts.newServer();
        server.setUseClientMode(false);
        if (contexts.mutual) {
            server.setNeedClientAuth(true);
        }
        SSLParameters parameters = client.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        parameters.setEndpointIdentificationAlgorithm(null);
        if (cipherSuite != null) {
            parameters.setCipherSuites(new String[] {cipherSuite});
        }
        client.setSSLParameters(parameters);
        SSLParameters serverParameters = server.getSSLParameters();
        serverParameters.setProtocols(new String[] {"TLSv1.3"});
        server.setSSLParameters(serverParameters);
        PairBuffers wires = buffers != null ? buffers.cleared() : PairBuffers.forSessions(client, server);
        clientToServer = wires.clientToServer;
        serverToClient = wires.serverToClient;
        clientApp = wires.clientApp;
        serverApp = wires.serverApp;
    }

    /** Frees what the engines hold outside the heap, when their implementation has any. */
    void release() {
        contexts.release(client);
        contexts.release(server);
    }

    /** Runs the handshake to its end on both sides. */
    void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < 100; step++) {
            boolean clientDone = done(client.getHandshakeStatus());
            boolean serverDone = done(server.getHandshakeStatus());
            if (clientDone && serverDone) {
                return;
            }
            drive(client, serverToClient, clientToServer, clientApp);
            int before = serverToClient.position();
            drive(server, clientToServer, serverToClient, serverApp);
            if (serverFirstFlight == 0) {
                serverFirstFlight = serverToClient.position() - before;
            }
        }
        throw new IllegalStateException("the handshake did not end: client " + client.getHandshakeStatus()
                + ", server " + server.getHandshakeStatus());
    }

    /**
     * Whether the server's first flight was smaller than {@code certificateBytes}: it cannot have
     * held that certificate, so the handshake resumed a session (RFC 8446 §2.2) whatever the
     * implementation, which JSSE gives no portable way to ask.
     */
    boolean resumed(int certificateBytes) {
        return serverFirstFlight > 0 && serverFirstFlight < certificateBytes;
    }

    /**
     * Delivers to the client what the server sent after the handshake (its NewSessionTickets,
     * RFC 8446 §4.6.1), so that the client's session cache holds them for the next pair.
     */
    void receiveTickets() throws SSLException {
        drive(server, clientToServer, serverToClient, serverApp);
        serverToClient.flip();
        while (serverToClient.hasRemaining()) {
            clientApp.clear();
            SSLEngineResult result = client.unwrap(serverToClient, clientApp);
            if (result.bytesConsumed() == 0) {
                break;
            }
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = client.getDelegatedTask()) != null) {
                    task.run();
                }
            }
        }
        serverToClient.compact();
    }

    private static boolean done(HandshakeStatus status) {
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void drive(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        HandshakeStatus status = engine.getHandshakeStatus();
        while (true) {
            switch (status) {
                case NEED_WRAP -> {
                    SSLEngineResult result = engine.wrap(EMPTY, out);
                    status = result.getHandshakeStatus();
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    SSLEngineResult result = engine.unwrap(in, app);
                    in.compact();
                    app.clear();
                    status = result.getHandshakeStatus();
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                            || (result.bytesConsumed() == 0 && status == HandshakeStatus.NEED_UNWRAP)) {
                        return;
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    status = engine.getHandshakeStatus();
                }
                default -> {
                    return;
                }
            }
        }
    }

    /**
     * Seals {@code plaintext} (its remaining bytes) on the client and opens it on the server, after
     * whatever the client still had to read from the handshake; the number of bytes the server got.
     */
    int transfer(ByteBuffer plaintext) throws SSLException {
        return transfer(client, server, clientToServer, serverApp, plaintext);
    }

    /** Same as {@link #transfer} from the server to the client. */
    int transferBack(ByteBuffer plaintext) throws SSLException {
        return transfer(server, client, serverToClient, clientApp, plaintext);
    }

    private static int transfer(SSLEngine sender, SSLEngine receiver, ByteBuffer wire, ByteBuffer app,
            ByteBuffer plaintext) throws SSLException {
        int received = 0;
        while (plaintext.hasRemaining()) {
            sender.wrap(plaintext, wire);
            wire.flip();
            while (wire.hasRemaining()) {
                app.clear();
                SSLEngineResult result = receiver.unwrap(wire, app);
                received += result.bytesProduced();
                if (result.bytesConsumed() == 0) {
                    break;
                }
            }
            wire.compact();
        }
        return received;
    }
}
