package io.siotls.handshake;

import io.siotls.ClientAuthentication;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.trust.Purpose;

/** The client's Certificate, RFC 8446 §4.4.2; an empty one fails with certificate_required when required. */
final class ExpectClientCertificate extends Expect {

    private final Context context;
    private final TranscriptHash transcript;
    private final CertificateType type;
    private final Negotiation negotiation;
    private final ExpectClientFinished finished;

    ExpectClientCertificate(Context context, TranscriptHash transcript, CertificateType type, Negotiation negotiation,
            ExpectClientFinished finished) {
        super(HandshakeType.CERTIFICATE);
        this.context = context;
        this.transcript = transcript;
        this.type = type;
        this.negotiation = negotiation;
        this.finished = finished;
    }

    @Override
    State on(byte[] message) {
        CertificateMessage certificate = CertificateMessage.parse(body(message));
        if (certificate.requestContext().length != 0) {
            throw new IllegalParameter("the client's Certificate must echo the empty certificate_request_context");
        }
        if (certificate.entries().isEmpty()) {
            if (context.policy().clientAuthentication() == ClientAuthentication.REQUIRED) {
                throw new CertificateRequired("the client sent no certificate and this server requires one");
            }
            transcript.update(message);
            return finished;
        }
        for (CertificateEntry entry : certificate.entries()) {
            if (!entry.extensions().isEmpty()) {
                throw new UnsupportedExtension("the client's Certificate carries extensions "
                        + entry.extensions().typeCodes() + " that the CertificateRequest did not ask for");
            }
        }
        PeerCredential credential = PeerCredential.authenticate(context.policy(), certificate, type,
                Purpose.CLIENT_AUTH, null, context.clock());
        negotiation.peerCertificateChain = credential.chain();
        negotiation.peerPublicKey = credential.publicKey();
        transcript.update(message);
        return new ExpectCertificateVerify(context, transcript, credential.publicKey(), negotiation, () -> finished);
    }
}
