package io.siotls.handshake;

import io.siotls.alerts.IllegalParameter;
import io.siotls.alerts.UnsupportedExtension;
import io.siotls.extensions.ALPNExtension;
import io.siotls.extensions.CertificateTypeExtension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.HeartbeatExtension;
import io.siotls.extensions.MaxFragmentLengthExtension;
import io.siotls.extensions.RecordSizeLimitExtension;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.HandshakeType;
import io.siotls.keyschedule.TranscriptHash;
import io.siotls.messages.ClientHello;
import io.siotls.messages.EncryptedExtensions;
import java.util.List;

/**
 * Waiting for EncryptedExtensions, RFC 8446 §4.3.1, under the handshake traffic keys; then the
 * server's Certificate, or, when a PSK (a ticket or an external one) was selected (§2.2), its
 * Finished straight away.
 */
final class ExpectEncryptedExtensions extends Expect {

    private final Context context;
    private final TranscriptHash transcript;
    private final ClientHello clientHello;
    private final ClientKeys keys;
    private final Negotiation negotiation;
    private final boolean pskAuthenticated;

    /** @param pskAuthenticated whether the server selected a PSK, a ticket or an external one: no Certificate follows */
    ExpectEncryptedExtensions(Context context, TranscriptHash transcript, ClientHello clientHello, ClientKeys keys,
            Negotiation negotiation, boolean pskAuthenticated) {
        super(HandshakeType.ENCRYPTED_EXTENSIONS);
        this.context = context;
        this.transcript = transcript;
        this.clientHello = clientHello;
        this.keys = keys;
        this.negotiation = negotiation;
        this.pskAuthenticated = pskAuthenticated;
    }

    @Override
    State on(byte[] message) {
        ExtensionBlock block = EncryptedExtensions.parse(body(message)).extensions();
        for (int typeCode : block.typeCodes()) {
            if (!clientHello.extensions().typeCodes().contains(typeCode)) {
                throw new UnsupportedExtension("the server sent extension " + typeCode
                        + " in EncryptedExtensions, which was not offered");
            }
        }
        ConnectionPolicy policy = context.policy();
        ALPNExtension selected = block.get(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ALPNExtension.class);
        if (selected != null) {
            String protocol = selected.protocols().get(0);
            if (!policy.alpn().contains(protocol)) {
                throw new IllegalParameter("the server selected application protocol '" + protocol
                        + "', which was not offered");
            }
            negotiation.alpn = protocol;
        }
        if (block.contains(ExtensionType.SERVER_NAME)) {
            negotiation.serverName = clientHello.extensions()
                    .get(ExtensionType.SERVER_NAME, ServerNameExtension.class).hostName();
        }
        negotiation.canSendHeartbeat = Context.canSendHeartbeat(block.get(ExtensionType.HEARTBEAT, HeartbeatExtension.class));
        applyRecordLimits(block);
        if (keys.early() != null) {
            keys.early().answered(block, pskAuthenticated, keys.schedule().suite(), negotiation.alpn,
                    keys.handshakeTraffic().client());
        }
        transcript.update(message);
        if (pskAuthenticated) {
            return new ExpectServerFinished(context, transcript, keys, null, CertificateType.X509, negotiation);
        }
        CertificateType serverType = selectedType(block, ExtensionType.SERVER_CERTIFICATE_TYPE,
                policy.peerCertificateTypes());
        CertificateType clientType = selectedType(block, ExtensionType.CLIENT_CERTIFICATE_TYPE, policy.certificateTypes());
        negotiation.serverCertificateType = serverType;
        negotiation.clientCertificateType = clientType;
        return new ExpectServerCertificate(context, transcript, clientHello.extensions().typeCodes(), keys, serverType,
                clientType, null, negotiation);
    }

    /** record_size_limit (RFC 8449), else the max_fragment_length this client asked for (RFC 6066 §4). */
    private void applyRecordLimits(ExtensionBlock block) {
        RecordSizeLimitExtension limit = block.get(ExtensionType.RECORD_SIZE_LIMIT, RecordSizeLimitExtension.class);
        MaxFragmentLengthExtension fragment =
                block.get(ExtensionType.MAX_FRAGMENT_LENGTH, MaxFragmentLengthExtension.class);
        if (limit != null) {
            negotiation.maxFragmentLength = context.applyRecordSizeLimits(limit.limit());
        } else if (fragment != null) {
            if (fragment.length() != context.config().maxFragmentLength()) {
                throw new IllegalParameter("the server answered max_fragment_length " + fragment.length().octets()
                        + " to a request for " + context.config().maxFragmentLength().octets() + " (RFC 6066 §4)");
            }
            negotiation.maxFragmentLength = context.applyMaxFragmentLength(fragment.length());
        }
    }

    /** The certificate type the server selected (RFC 7250 §4.2): X.509 when it did not say. */
    private static CertificateType selectedType(ExtensionBlock block, ExtensionType extension,
            List<CertificateType> offered) {
        CertificateTypeExtension selected = block.get(extension, CertificateTypeExtension.class);
        if (selected == null) {
            return CertificateType.X509;
        }
        CertificateType type = CertificateType.fromCode(selected.selectedType());
        if (type == null || !offered.contains(type)) {
            throw new IllegalParameter("the server selected " + extension.ianaName() + " "
                    + selected.selectedType() + ", which was not offered");
        }
        return type;
    }
}
