package io.siotls.handshake;

import io.siotls.iana.CertificateType;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.MasterSecret;
import io.siotls.keyschedule.TrafficSecrets;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateRequest;
import java.util.Arrays;

/**
 * The server's Finished, RFC 8446 §4.4.4, then the client's second flight (§2): its
 * Certificate and CertificateVerify when asked for (§4.4.2, §4.4.3), and its Finished. In a
 * resumed handshake (§2.2) nothing but the Finished may come: a Certificate or CertificateRequest
 * is unexpected_message. A client that offered post_handshake_auth
 * ({@link ClientCredentials#available}, as its ClientHello did) keeps the transcript to answer
 * CertificateRequests after the handshake (§4.6.2), after a resumed handshake too.
 */
final class ExpectServerFinished extends Expect {

    private final Context context;
    private final TranscriptHash transcript;
    private final ClientKeys keys;
    private final CertificateRequest request;
    private final CertificateType clientType;
    private final Negotiation negotiation;

    ExpectServerFinished(Context context, TranscriptHash transcript, ClientKeys keys, CertificateRequest request,
            CertificateType clientType, Negotiation negotiation) {
        super(HandshakeType.FINISHED);
        this.context = context;
        this.transcript = transcript;
        this.keys = keys;
        this.request = request;
        this.clientType = clientType;
        this.negotiation = negotiation;
    }

    @Override
    State on(byte[] message) {
        KeySchedule schedule = keys.schedule();
        TrafficSecrets handshakeTraffic = keys.handshakeTraffic();
        Authentication.verifyFinished(transcript, schedule, message, handshakeTraffic.server());
        MasterSecret master = keys.secret().masterSecret();
        TrafficSecrets application = context.applicationTrafficSecrets(master, transcript.current(), keys.clientRandom());
        if (keys.early() != null) {
            keys.early().end(transcript, schedule.suite(), handshakeTraffic.client());
        }
        if (request != null) {
            sendCertificate();
        }
        Authentication.sendFinished(context, transcript, schedule, handshakeTraffic.client());
        ClientTickets tickets = ClientTickets.forHandshake(context, schedule, master, transcript.current());
        Arrays.fill(handshakeTraffic.client(), (byte) 0);
        Arrays.fill(handshakeTraffic.server(), (byte) 0);
        context.transport().switchWriteKeys(schedule.suite(), application.client());
        context.transport().switchReadKeys(schedule.suite(), application.server());
        Connected connected = new Connected(context, schedule, application, negotiation, tickets);
        return ClientCredentials.available(context.policy())
                ? connected.authenticatingWith(new ClientPostHandshakeAuth(context, transcript, schedule, clientType))
                : connected;
    }

    /** The answer to the CertificateRequest: a credential and its CertificateVerify, or an empty Certificate. */
    private void sendCertificate() {
        ClientCredentials.Answer answer = new ClientCredentials(context).answer(request, clientType);
        context.send(transcript, answer.certificate());
        if (answer.scheme() != null) {
            Authentication.sendCertificateVerify(context, transcript, answer.scheme(), answer.key());
            negotiation.signatureAlgorithm = answer.scheme();
        }
    }
}
