package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.alerts.CertificateRequired;
import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.trust.Purpose;
import java.security.MessageDigest;

/**
 * A server asks a client that offered post_handshake_auth (RFC 8446 §4.2.6) for its certificate
 * once connected (§4.6.2): it sends a CertificateRequest under a fresh certificate_request_context
 * (§4.3.2), then checks the client's Certificate (the same context, the chain validated as in
 * the handshake), its CertificateVerify and its Finished, over Transcript-Hash(ClientHello ..
 * client Finished, CertificateRequest, ...) (§4.4). One request is outstanding at a time;
 * application data may arrive between the client's messages (§4.6.2 lets it send some first).
 * The client's new identity is what is negotiated once its Finished verified.
 */
final class ServerPostHandshakeAuth implements PostHandshakeAuthentication {

    private final Context context;
    private final TranscriptHash handshakeTranscript;
    private final KeySchedule schedule;
    private final Negotiation negotiation;
    private final CertificateType type;
    private Exchange pending;

    /** One request and what its answer established so far. */
    private static final class Exchange {
        final byte[] requestContext;
        final TranscriptHash transcript;
        final boolean required;
        HandshakeType next = HandshakeType.CERTIFICATE;
        PeerCredential credential;

        Exchange(byte[] requestContext, TranscriptHash transcript, boolean required) {
            this.requestContext = requestContext;
            this.transcript = transcript;
            this.required = required;
        }
    }

    /**
     * @param handshakeTranscript the transcript up to and including the client's Finished, copied for each request
     * @param type the client certificate type of the handshake (RFC 7250), X.509 unless the server negotiated another
     */
    ServerPostHandshakeAuth(Context context, TranscriptHash handshakeTranscript, KeySchedule schedule,
            Negotiation negotiation, CertificateType type) {
        this.context = context;
        this.handshakeTranscript = handshakeTranscript;
        this.schedule = schedule;
        this.negotiation = negotiation;
        this.type = type;
    }

    /**
     * Sends a CertificateRequest; an empty Certificate in answer fails with certificate_required
     * when {@code required}.
     *
     * @throws IllegalStateException while an earlier request is still unanswered
     */
    void request(boolean required) {
        checkCanRequest();
        byte[] requestContext = context.entropy().certificateRequestContext();
        TranscriptHash transcript = handshakeTranscript.copy();
        context.send(transcript, CertificateRequests.of(context, requestContext));
        pending = new Exchange(requestContext, transcript, required);
    }

    /**
     * @throws IllegalStateException when this server has nothing to verify a client's credential
     *         with (no truststore, no trusted public keys), or while a request is still unanswered
     */
    void checkCanRequest() {
        if (type == CertificateType.X509 ? context.policy().truststore() == null
                : context.config().trustedPublicKeys().isEmpty()) {
            throw new IllegalStateException("this server has no truststore to verify a client's certificate with");
        }
        if (pending != null) {
            throw new IllegalStateException("the client has not yet answered the previous CertificateRequest");
        }
    }

    /** Whether a CertificateRequest waits for the client's answer. */
    boolean awaitingAnswer() {
        return pending != null;
    }

    @Override
    public boolean accepts(int messageType) {
        return pending != null && messageType == pending.next.code();
    }

    @Override
    public TLSNegotiatedConfiguration receive(int messageType, byte[] message, byte[] clientApplicationSecret) {
        Exchange exchange = pending;
        if (messageType == HandshakeType.CERTIFICATE.code()) {
            onCertificate(exchange, message);
            return null;
        }
        if (messageType == HandshakeType.CERTIFICATE_VERIFY.code()) {
            negotiation.peerSignatureAlgorithm = Authentication.verifyCertificateVerify(context, exchange.transcript,
                    message, exchange.credential.publicKey());
            exchange.next = HandshakeType.FINISHED;
            return null;
        }
        Authentication.verifyFinished(exchange.transcript, schedule, message, clientApplicationSecret);
        pending = null;
        if (exchange.credential == null) {
            return null;
        }
        negotiation.peerCertificateChain = exchange.credential.chain();
        negotiation.peerPublicKey = exchange.credential.publicKey();
        return negotiation.toConfiguration();
    }

    /** The client's Certificate, RFC 8446 §4.4.2, authenticated as in the handshake. */
    private void onCertificate(Exchange exchange, byte[] message) {
        CertificateMessage certificate = CertificateMessage.parse(Expect.body(message));
        if (!MessageDigest.isEqual(certificate.requestContext(), exchange.requestContext)) {
            throw new IllegalParameter("the client's Certificate does not echo the certificate_request_context"
                    + " of the post-handshake CertificateRequest (RFC 8446 §4.4.2)");
        }
        if (certificate.entries().isEmpty()) {
            if (exchange.required) {
                throw new CertificateRequired("the client sent no certificate after the handshake and one is required");
            }
            exchange.transcript.update(message);
            exchange.next = HandshakeType.FINISHED;
            return;
        }
        for (CertificateEntry entry : certificate.entries()) {
            if (!entry.extensions().isEmpty()) {
                throw new UnsupportedExtension("the client's Certificate carries extensions "
                        + entry.extensions().typeCodes() + " that the CertificateRequest did not ask for");
            }
        }
        exchange.credential = PeerCredential.authenticate(context.policy(), certificate, type, Purpose.CLIENT_AUTH,
                null, context.clock());
        exchange.transcript.update(message);
        exchange.next = HandshakeType.CERTIFICATE_VERIFY;
    }
}
