package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.extensions.EarlyDataExtension;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.MasterSecret;
import io.siotls.messages.NewSessionTicket;
import java.time.Instant;
import java.util.Arrays;

/**
 * The client's side of NewSessionTicket, RFC 8446 §4.6.1: each ticket the server sends after the
 * handshake becomes a {@link ClientTicket} in the connection's session cache, its PSK
 * HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length). The
 * resumption master secret is derived at the client's Finished, the master secret forgotten at
 * once, and it is kept for the tickets to come (they may arrive at any time) until
 * {@link #MAX_TICKETS} of them were kept, then zeroed: a server sending tickets without end gets
 * no more stored.
 */
final class ClientTickets {

    /** The tickets one connection keeps at most; servers send one or two (OpenSSL, GnuTLS, this engine). */
    static final int MAX_TICKETS = 8;

    private final Context context;
    private final KeySchedule schedule;
    private final byte[] resumptionMasterSecret;
    private int kept;

    private ClientTickets(Context context, KeySchedule schedule, byte[] resumptionMasterSecret) {
        this.context = context;
        this.schedule = schedule;
        this.resumptionMasterSecret = resumptionMasterSecret;
    }

    /**
     * The receiver of this connection's tickets, the master secret forgotten; {@code null}, the
     * master secret forgotten too, when the connection has no session cache.
     *
     * @param clientFinishedHash Transcript-Hash(ClientHello..client Finished)
     */
    static ClientTickets forHandshake(Context context, KeySchedule schedule, MasterSecret master,
            byte[] clientFinishedHash) {
        if (context.policy().sessionCache() == null) {
            master.forget();
            return null;
        }
        byte[] secret = master.resumptionMasterSecret(clientFinishedHash);
        master.forget();
        return new ClientTickets(context, schedule, secret);
    }

    /** Keeps the session of {@code message}, established as {@code negotiated} says; a lifetime of 0 keeps nothing. */
    void receive(NewSessionTicket message, TLSNegotiatedConfiguration negotiated) {
        long maxEarlyData = EarlyDataExtension.maxSizeIn(message.extensions());
        if (kept >= MAX_TICKETS || message.lifetime() == 0) {
            return;
        }
        ConnectionPolicy policy = context.policy();
        Instant now = context.clock().instant();
        byte[] psk = schedule.resumptionPsk(resumptionMasterSecret, message.nonce());
        policy.sessionCache().put(new ClientTicket(policy.sessionKey(), schedule.suite(), psk, message.ticket(), now,
                message.lifetime(), message.ageAdd(), maxEarlyData, policy.serverName(), policy.verificationHostname(),
                negotiated.peerCertificateChain(), negotiated.peerPublicKey(), negotiated.serverCertificateType(),
                negotiated.alpn()));
        if (++kept == MAX_TICKETS) {
            Arrays.fill(resumptionMasterSecret, (byte) 0);
        }
    }
}
