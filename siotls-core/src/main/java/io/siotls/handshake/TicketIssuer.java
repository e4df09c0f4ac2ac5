package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.extensions.EarlyDataExtension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.MasterSecret;
import io.siotls.messages.NewSessionTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The server's NewSessionTickets, RFC 8446 §4.6.1, sent once the client's Finished is verified:
 * the resumption master secret (§7.1) needs the transcript through that Finished, so this holds
 * the master secret until then and forgets it at once afterwards. Each ticket has its own nonce
 * (its index, as a uint16, as in RFC 8448 §3) and so its own PSK, and a fresh ticket_age_add;
 * early_data with max_early_data_size when the connection accepts 0-RTT data (§4.2.10).
 */
final class TicketIssuer {

    /** The largest ticket a NewSessionTicket carries, {@code opaque ticket<1..2^16-1>}. */
    private static final int MAX_TICKET_LENGTH = 0xffff;

    private final Context context;
    private final KeySchedule schedule;
    private final MasterSecret master;
    private final Instant authenticated;
    private final int count;

    private TicketIssuer(Context context, KeySchedule schedule, MasterSecret master, Instant authenticated,
            int count) {
        this.context = context;
        this.schedule = schedule;
        this.master = master;
        this.authenticated = authenticated;
        this.count = count;
    }

    /**
     * The issuer of this handshake's tickets; {@code null}, the master secret forgotten at once,
     * when this server sends none.
     *
     * @param authenticated when the client last authenticated in a full handshake: now, or the
     *        resumed session's time (a chain of resumptions does not outlive the first, §4.6.1)
     * @param count how many tickets to send
     */
    static TicketIssuer forHandshake(Context context, KeySchedule schedule, MasterSecret master, Instant authenticated,
            int count) {
        if (count == 0) {
            master.forget();
            return null;
        }
        return new TicketIssuer(context, schedule, master, authenticated, count);
    }

    /** Derives the resumption master secret from Transcript-Hash(ClientHello..client Finished) and sends the tickets. */
    void issue(byte[] clientFinishedHash, TLSNegotiatedConfiguration negotiated) {
        byte[] resumptionMasterSecret = master.resumptionMasterSecret(clientFinishedHash);
        master.forget();
        try {
            Instant now = context.clock().instant();
            long lifetime = Math.min(context.config().sessionTicketLifetime().toSeconds(),
                    Duration.between(now, authenticated.plus(SessionState.MAX_AUTHENTICATION_AGE)).toSeconds());
            for (int index = 0; index < count && lifetime > 0; index++) {
                send(resumptionMasterSecret, index, now, lifetime, negotiated);
            }
        } finally {
            Arrays.fill(resumptionMasterSecret, (byte) 0);
        }
    }

    private void send(byte[] resumptionMasterSecret, int index, Instant now, long lifetime,
            TLSNegotiatedConfiguration negotiated) {
        byte[] nonce = {(byte) (index >>> 8), (byte) index};
        byte[] psk = schedule.resumptionPsk(resumptionMasterSecret, nonce);
        long ageAdd = context.entropy().ticketAgeAdd();
        SessionState state = new SessionState(schedule.suite(), psk, now, lifetime, ageAdd, authenticated,
                negotiated.peerCertificateChain(), negotiated.peerPublicKey(), negotiated.alpn(),
                negotiated.serverName(), context.maxEarlyData());
        byte[] encoded = state.encode();
        byte[] ticket = context.config().sessionTicketKeys().seal(encoded, now, state.expiry());
        Arrays.fill(encoded, (byte) 0);
        Arrays.fill(psk, (byte) 0);
        if (ticket.length <= MAX_TICKET_LENGTH) {
            context.transport().sendHandshake(
                    new NewSessionTicket(lifetime, ageAdd, nonce, ticket, context.maxEarlyData() == 0
                            ? ExtensionBlock.empty()
                            : ExtensionBlock.of(List.of(EarlyDataExtension.maxSize(context.maxEarlyData()))))
                            .toBytes());
        }
    }
}
