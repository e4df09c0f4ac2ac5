package io.siotls.handshake;

import io.siotls.alerts.DecryptError;
import io.siotls.alerts.IllegalParameter;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.iana.SignatureScheme;
import io.siotls.keyschedule.KeySchedule;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateVerify;
import io.siotls.messages.Finished;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;

/** The authentication messages both sides send and check, RFC 8446 §4.4.2 to §4.4.4. */
final class Authentication {

    private static final byte[] SIGNATURE_PADDING = " ".repeat(64).getBytes(StandardCharsets.US_ASCII);

    private Authentication() {
    }

    /** The Certificate message holding this side's raw public key, RFC 7250 §3. */
    static CertificateMessage rawPublicKeyCertificate(Context context) {
        return new CertificateMessage(new byte[0], List.of(new CertificateEntry(
                context.config().publicKey().getEncoded(), ExtensionBlock.empty())));
    }

    /** The content a CertificateVerify signs, RFC 8446 §4.4.3. */
    static byte[] certificateVerifyContent(boolean fromServer, byte[] transcriptHash) {
        byte[] label = (fromServer ? "TLS 1.3, server CertificateVerify" : "TLS 1.3, client CertificateVerify")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] content = new byte[64 + label.length + 1 + transcriptHash.length];
        System.arraycopy(SIGNATURE_PADDING, 0, content, 0, 64);
        System.arraycopy(label, 0, content, 64, label.length);
        System.arraycopy(transcriptHash, 0, content, 64 + label.length + 1, transcriptHash.length);
        return content;
    }

    /** Signs the transcript so far and sends the CertificateVerify, RFC 8446 §4.4.3. */
    static void sendCertificateVerify(Context context, TranscriptHash transcript, SignatureScheme scheme,
            PrivateKey key) {
        byte[] content = certificateVerifyContent(!context.client(), transcript.current());
        byte[] signature = context.crypto().sign(scheme, key, content, context.entropy().signingRandom());
        context.send(transcript, new CertificateVerify(scheme.code(), signature));
    }

    /**
     * Checks the peer's CertificateVerify against the transcript so far, RFC 8446 §4.4.3: the
     * scheme must be one this side offered and fit the peer's key, the signature must verify.
     * Returns the scheme.
     */
    static SignatureScheme verifyCertificateVerify(Context context, TranscriptHash transcript, byte[] message,
            PublicKey peerKey) {
        CertificateVerify verify = CertificateVerify.parse(Expect.body(message));
        SignatureScheme scheme = SignatureScheme.fromCode(verify.algorithm());
        if (scheme == null || !context.policy().signatureAlgorithms().contains(scheme)) {
            throw new IllegalParameter("the peer signed with " + (scheme == null ? verify.algorithm() : scheme.ianaName())
                    + ", which was not offered in signature_algorithms");
        }
        if (!context.crypto().keyFits(scheme, peerKey)) {
            throw new IllegalParameter("the peer signed with " + scheme.ianaName() + ", which does not fit its "
                    + peerKey.getAlgorithm() + " key");
        }
        byte[] content = certificateVerifyContent(context.client(), transcript.current());
        if (!context.crypto().verify(scheme, peerKey, content, verify.signature())) {
            throw new DecryptError("the peer's CertificateVerify signature (" + scheme.ianaName() + ") is invalid");
        }
        transcript.update(message);
        return scheme;
    }

    /** Sends Finished keyed by {@code baseSecret}, RFC 8446 §4.4.4. */
    static void sendFinished(Context context, TranscriptHash transcript, KeySchedule schedule, byte[] baseSecret) {
        context.send(transcript, new Finished(schedule.finishedVerifyData(baseSecret, transcript.current())));
    }

    /** Checks the peer's Finished keyed by {@code baseSecret} in constant time, RFC 8446 §4.4.4. */
    static void verifyFinished(TranscriptHash transcript, KeySchedule schedule, byte[] message, byte[] baseSecret) {
        Finished finished = Finished.parse(Expect.body(message), schedule.suite().hashLength());
        if (!schedule.verifyFinished(baseSecret, transcript.current(), finished.verifyData())) {
            throw new DecryptError("the peer's Finished verify_data is wrong");
        }
        transcript.update(message);
    }
}
