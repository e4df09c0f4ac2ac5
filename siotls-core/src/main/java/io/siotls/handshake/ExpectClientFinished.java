package io.siotls.handshake;

import io.siotls.ClientAuthentication;
import io.siotls.iana.CertificateType;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TrafficSecrets;
import io.siotls.keyschedule.TranscriptHash;
import java.util.Arrays;

/**
 * The client's Finished, RFC 8446 §4.4.4, keyed by the client handshake traffic secret: the
 * server then reads with the client's application traffic secret, the handshake is complete, and
 * the server sends its tickets (§4.6.1) when it issues any. A client that offered
 * post_handshake_auth may then be asked for its certificate (§4.6.2).
 */
final class ExpectClientFinished extends Expect {

    private final Context context;
    private final TranscriptHash transcript;
    private final KeySchedule schedule;
    private final byte[] clientHandshakeSecret;
    private final TrafficSecrets application;
    private final Negotiation negotiation;
    private final TicketIssuer tickets;
    private final boolean postHandshakeAuth;

    /**
     * @param tickets the issuer of this handshake's tickets, or {@code null} when none are sent
     * @param postHandshakeAuth whether the client offered post_handshake_auth (RFC 8446 §4.2.6)
     */
    ExpectClientFinished(Context context, TranscriptHash transcript, KeySchedule schedule,
            byte[] clientHandshakeSecret, TrafficSecrets application, Negotiation negotiation, TicketIssuer tickets,
            boolean postHandshakeAuth) {
        super(HandshakeType.FINISHED);
        this.context = context;
        this.transcript = transcript;
        this.schedule = schedule;
        this.clientHandshakeSecret = clientHandshakeSecret;
        this.application = application;
        this.negotiation = negotiation;
        this.tickets = tickets;
        this.postHandshakeAuth = postHandshakeAuth;
    }

    @Override
    State on(byte[] message) {
        Authentication.verifyFinished(transcript, schedule, message, clientHandshakeSecret);
        Arrays.fill(clientHandshakeSecret, (byte) 0);
        context.transport().switchReadKeys(schedule.suite(), application.client());
        Connected connected = new Connected(context, schedule, application, negotiation);
        if (postHandshakeAuth) {
            CertificateType type = context.policy().clientAuthentication() == ClientAuthentication.NONE
                    ? CertificateType.X509 : negotiation.clientCertificateType;
            connected.authenticatingWith(new ServerPostHandshakeAuth(context, transcript, schedule, negotiation, type));
        }
        if (tickets != null) {
            tickets.issue(transcript.current(), connected.negotiated());
        }
        return connected;
    }
}
