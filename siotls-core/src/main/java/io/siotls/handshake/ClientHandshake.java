package io.siotls.handshake;

import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * The client side of the TLS 1.3 full handshake, RFC 8446 §2 and §4, as the states of the
 * RFC's client state machine (Appendix A.1): {@link ExpectServerHello} (which answers a
 * HelloRetryRequest), {@link ExpectEncryptedExtensions}, {@link ExpectServerCertificate}
 * (after an optional CertificateRequest; skipped when a ticket is resumed, §2.2),
 * {@link ExpectCertificateVerify},
 * {@link ExpectServerFinished} (which sends the client's second flight), {@link Connected}.
 */
public final class ClientHandshake extends Handshake {

    private final Context context;
    private final ClientHelloBuilder hellos;
    private byte[] earlyData;

    /**
     * @param policy holds the name sent with SNI (unless it is an IP literal) and the one checked
     *        against the server's certificate; either may be null
     * @param helloOverride replaces each ClientHello this side built, the first and the one after a
     *        HelloRetryRequest (tests replaying RFC 8448),
     *        normally {@link UnaryOperator#identity()}
     */
    public ClientHandshake(ConnectionPolicy policy, Entropy entropy, HandshakeTransport transport, Clock clock,
            UnaryOperator<ClientHello> helloOverride) {
        this.context = new Context(policy, entropy, transport, clock, true);
        this.hellos = new ClientHelloBuilder(context, helloOverride);
    }

    /**
     * 0-RTT data to send right after the ClientHello when the ticket offered allows it
     * (RFC 8446 §2.3, §4.2.10); before {@link #start} only.
     */
    public void offerEarlyData(byte[] data) {
        this.earlyData = data.clone();
    }

    /**
     * Sends the ClientHello with the shares of {@link ClientKeyShares#first}, RFC 8446 §4.1.2,
     * offering the configured external PSK, else the newest ticket kept for this server when there
     * is one (§4.2.11), and the early data after that ticket when it allows it ({@link ClientEarlyData};
     * never with an external PSK).
     */
    @Override
    State first() {
        ClientKeyShares shares = ClientKeyShares.first(context);
        ExternalPskOffer external = ExternalPskOffer.of(context);
        TicketOffer ticket = external == null ? TicketOffer.take(context) : null;
        PskOffer offer = external != null ? external : ticket;
        ClientEarlyData early = ClientEarlyData.plan(context, ticket, earlyData);
        earlyData = null;
        if (early != null) {
            hellos.offerEarlyData();
        }
        ClientHello hello = hellos.build(context.entropy().helloRandom(), context.entropy().legacySessionId(),
                shares.entries(), null, offer, null);
        TranscriptHash transcript = new TranscriptHash();
        context.send(transcript, hello);
        if (early != null) {
            early.send(hello);
        }
        return new ExpectServerHello(context, transcript, hellos, hello, shares, null, offer, early);
    }
}
