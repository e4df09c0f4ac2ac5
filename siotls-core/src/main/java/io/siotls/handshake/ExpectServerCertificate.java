package io.siotls.handshake;

import io.siotls.alerts.DecodeError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.MissingExtension;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.extensions.StatusRequestExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateRequest;
import io.siotls.trust.Purpose;
import java.util.Set;

/**
 * Waiting for the server's Certificate, RFC 8446 §4.4.2, or, before it and only once, a
 * CertificateRequest (§4.3.2; {@code request} is then set).
 */
final class ExpectServerCertificate implements State {

    private final Context context;
    private final TranscriptHash transcript;
    private final Set<Integer> offeredExtensions;
    private final ClientKeys keys;
    private final CertificateType serverType;
    private final CertificateType clientType;
    private final CertificateRequest request;
    private final Negotiation negotiation;

    ExpectServerCertificate(Context context, TranscriptHash transcript, Set<Integer> offeredExtensions,
            ClientKeys keys, CertificateType serverType, CertificateType clientType, CertificateRequest request,
            Negotiation negotiation) {
        this.context = context;
        this.transcript = transcript;
        this.offeredExtensions = offeredExtensions;
        this.keys = keys;
        this.serverType = serverType;
        this.clientType = clientType;
        this.request = request;
        this.negotiation = negotiation;
    }

    @Override
    public State handle(int type, byte[] message) {
        if (type == HandshakeType.CERTIFICATE_REQUEST.code() && request == null) {
            return onCertificateRequest(message);
        }
        if (type != HandshakeType.CERTIFICATE.code()) {
            throw Expect.unexpected(type, "waiting for " + HandshakeType.CERTIFICATE.ianaName());
        }
        return onCertificate(message);
    }

    /** CertificateRequest, RFC 8446 §4.3.2. */
    private State onCertificateRequest(byte[] message) {
        CertificateRequest received = CertificateRequest.parse(Expect.body(message));
        if (received.requestContext().length != 0) {
            throw new IllegalParameter("a CertificateRequest during the handshake must have an empty context");
        }
        if (!received.extensions().contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
            throw new MissingExtension("the CertificateRequest has no signature_algorithms");
        }
        transcript.update(message);
        return new ExpectServerCertificate(context, transcript, offeredExtensions, keys, serverType, clientType,
                received, negotiation);
    }

    /** The server's Certificate, RFC 8446 §4.4.2, authenticated as §4.4.2.4 says. */
    private State onCertificate(byte[] message) {
        CertificateMessage certificate = CertificateMessage.parse(Expect.body(message));
        if (certificate.requestContext().length != 0) {
            throw new IllegalParameter("the server's Certificate must have an empty certificate_request_context");
        }
        if (certificate.entries().isEmpty()) {
            throw new DecodeError("the server's Certificate message is empty");
        }
        for (CertificateEntry entry : certificate.entries()) {
            for (int typeCode : entry.extensions().typeCodes()) {
                if (!offeredExtensions.contains(typeCode)) {
                    throw new UnsupportedExtension("the server's Certificate carries extension " + typeCode
                            + ", which was not offered (RFC 8446 §4.4.2)");
                }
            }
        }
        StatusRequestExtension stapled = certificate.entries().get(0).extensions()
                .get(ExtensionType.STATUS_REQUEST, StatusRequestExtension.class);
        negotiation.peerOcspResponse = stapled == null ? null : stapled.ocspResponse();
        PeerCredential credential = PeerCredential.authenticate(context.policy(), certificate, serverType,
                Purpose.SERVER_AUTH, context.policy().verificationHostname(), context.clock());
        negotiation.peerCertificateChain = credential.chain();
        negotiation.peerPublicKey = credential.publicKey();
        transcript.update(message);
        return new ExpectCertificateVerify(context, transcript, credential.publicKey(), negotiation,
                () -> new ExpectServerFinished(context, transcript, keys, request, clientType, negotiation));
    }
}
