package io.siotls.handshake;

import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.TranscriptHash;
import java.security.PublicKey;
import java.util.function.Supplier;

/** The peer's CertificateVerify, RFC 8446 §4.4.3, over the key its Certificate authenticated. */
final class ExpectCertificateVerify extends Expect {

    private final Context context;
    private final TranscriptHash transcript;
    private final PublicKey peerKey;
    private final Negotiation negotiation;
    private final Supplier<State> next;

    ExpectCertificateVerify(Context context, TranscriptHash transcript, PublicKey peerKey, Negotiation negotiation,
            Supplier<State> next) {
        super(HandshakeType.CERTIFICATE_VERIFY);
        this.context = context;
        this.transcript = transcript;
        this.peerKey = peerKey;
        this.negotiation = negotiation;
        this.next = next;
    }

    @Override
    State on(byte[] message) {
        negotiation.peerSignatureAlgorithm = Authentication.verifyCertificateVerify(context, transcript, message, peerKey);
        return next.get();
    }
}
