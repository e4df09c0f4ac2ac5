package io.siotls.handshake;

import io.siotls.keyschedule.TranscriptHash;
import java.time.Clock;

/**
 * The server side of the TLS 1.3 full handshake, RFC 8446 §2 and §4: {@link ExpectClientHello}
 * (answered by a HelloRetryRequest, {@link HelloRetry}, or by the {@link ServerFirstFlight}),
 * then {@link ExpectClientCertificate} and {@link ExpectCertificateVerify} when the client is
 * asked to authenticate, {@link ExpectClientFinished}, and {@link Connected}. The server's
 * preference order decides the cipher suite, the group, the signature scheme and the
 * application protocol.
 */
public final class ServerHandshake extends Handshake {

    private final Context context;

    public ServerHandshake(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport, Clock clock) {
        this(policy, entropy, transport, clock, 0);
    }

    /**
     * @param maxEarlyData the 0-RTT data this connection accepts (RFC 8446 §4.2.10): the
     *        configuration's, or 0 when its front end cannot hand early data to the application
     */
    public ServerHandshake(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport, Clock clock,
            int maxEarlyData) {
        this.context = new Context(policy, entropy, transport, clock, false, maxEarlyData);
    }

    @Override
    State first() {
        return new ExpectClientHello(context, new TranscriptHash(), null);
    }
}
