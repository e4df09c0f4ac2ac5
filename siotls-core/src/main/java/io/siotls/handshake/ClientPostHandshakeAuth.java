package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.alerts.MissingExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateRequest;

/**
 * A client that offered post_handshake_auth (RFC 8446 §4.2.6) answers each CertificateRequest
 * the server sends once connected (§4.6.2), in the order they arrive: a Certificate echoing the
 * request's certificate_request_context, a CertificateVerify when it holds a credential the
 * request accepts, and a Finished. Each answer signs and MACs Transcript-Hash(ClientHello ..
 * client Finished, CertificateRequest, ...) (§4.4), its Finished keyed by the current
 * client_application_traffic_secret_N, and goes out under the current application keys.
 */
final class ClientPostHandshakeAuth implements PostHandshakeAuthentication {

    private final Context context;
    private final TranscriptHash handshakeTranscript;
    private final KeySchedule schedule;
    private final CertificateType type;

    /** @param handshakeTranscript the transcript up to and including the client's Finished, copied for each answer */
    ClientPostHandshakeAuth(Context context, TranscriptHash handshakeTranscript, KeySchedule schedule,
            CertificateType type) {
        this.context = context;
        this.handshakeTranscript = handshakeTranscript;
        this.schedule = schedule;
        this.type = type;
    }

    @Override
    public boolean accepts(int messageType) {
        return messageType == HandshakeType.CERTIFICATE_REQUEST.code();
    }

    @Override
    public TLSNegotiatedConfiguration receive(int messageType, byte[] message, byte[] clientApplicationSecret) {
        CertificateRequest request = CertificateRequest.parse(Expect.body(message));
        if (!request.extensions().contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
            throw new MissingExtension("the post-handshake CertificateRequest has no signature_algorithms");
        }
        TranscriptHash transcript = handshakeTranscript.copy();
        transcript.update(message);
        ClientCredentials.Answer answer = new ClientCredentials(context).answer(request, type);
        context.send(transcript, answer.certificate());
        if (answer.scheme() != null) {
            Authentication.sendCertificateVerify(context, transcript, answer.scheme(), answer.key());
        }
        Authentication.sendFinished(context, transcript, schedule, clientApplicationSecret);
        return null;
    }
}
