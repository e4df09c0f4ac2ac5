package io.siotls.handshake;

import io.siotls.extensions.CertificateAuthoritiesExtension;
import io.siotls.extensions.Extension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.iana.IanaCode;
import io.siotls.messages.CertificateRequest;
import java.util.ArrayList;
import java.util.List;

/** The server's CertificateRequest, RFC 8446 §4.3.2, during the handshake or after it (§4.6.2). */
final class CertificateRequests {

    /** Above this, certificate_authorities is left out: the list would cost more than it helps. */
    private static final int MAX_AUTHORITIES_LENGTH = 8192;

    private CertificateRequests() {
    }

    /**
     * The schemes this server accepts and, when the trust store is small enough to list, its
     * certificate authorities (§4.2.4), under {@code requestContext}: empty during the handshake,
     * unique per request after it.
     */
    static CertificateRequest of(Context context, byte[] requestContext) {
        ConnectionPolicy policy = context.policy();
        List<Extension> extensions = new ArrayList<>();
        extensions.add(SignatureAlgorithmsExtension.forHandshake(
                policy.signatureAlgorithms().stream().map(IanaCode::code).toList()));
        if (policy.truststore() != null && context.config().sendCertificateAuthorities()) {
            CertificateAuthoritiesExtension authorities =
                    new CertificateAuthoritiesExtension(policy.truststore().trustAnchorSubjects());
            if (!authorities.authorities().isEmpty() && authorities.encodedLength() <= MAX_AUTHORITIES_LENGTH) {
                extensions.add(authorities);
            }
        }
        return new CertificateRequest(requestContext, ExtensionBlock.of(extensions));
    }
}
