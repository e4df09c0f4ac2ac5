package io.siotls.handshake;

import io.siotls.Side;
import io.siotls.alerts.InternalErrorAlert;
import io.siotls.extensions.CertificateAuthoritiesExtension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateRequest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Answers a server's CertificateRequest (RFC 8446 §4.4.2): the first configured chain issued by
 * an authority the server names whose key can sign with a scheme the server accepts, else an
 * empty Certificate.
 */
final class ClientCredentials {

    private final ConnectionPolicy policy;

    ClientCredentials(ConnectionPolicy policy) {
        this.policy = policy;
    }

    void answer(CertificateRequest request, CertificateType type, ClientHandshake handshake) {
        List<Integer> accepted = request.extensions()
                .get(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithmsExtension.class).schemes();
        if (type == CertificateType.RAW_PUBLIC_KEY) {
            SignatureScheme scheme = new CredentialSelector(policy).schemeFor(policy.config().privateKey(), accepted);
            if (scheme == null) {
                handshake.sendClientCredential(new CertificateMessage(request.requestContext(), List.of()), null, null);
            } else {
                handshake.sendClientCredential(handshake.rawPublicKeyCertificate(), scheme, policy.config().privateKey());
            }
            return;
        }
        CertificateAuthoritiesExtension authorities =
                request.extensions().get(ExtensionType.CERTIFICATE_AUTHORITIES, CertificateAuthoritiesExtension.class);
        List<X500Principal> names = authorities == null ? List.of() : authorities.authorities();
        CredentialSelector selector = new CredentialSelector(policy);
        CredentialSelector.Choice choice = policy.signingChainSelector() != null
                ? selector.fromHook(policy.signingChainSelector(), Side.CLIENT, null, accepted, names)
                : selector.forClient(names, accepted);
        if (choice == null) {
            handshake.sendClientCredential(new CertificateMessage(request.requestContext(), List.of()), null, null);
            return;
        }
        handshake.sendClientCredential(new CertificateMessage(request.requestContext(), entries(choice.chain().chain())),
                choice.scheme(), choice.chain().privateKey());
    }

    /** CertificateEntry list of a chain, RFC 8446 §4.4.2. */
    static List<CertificateEntry> entries(List<X509Certificate> chain) {
        return entries(chain, ExtensionBlock.empty());
    }

    /** CertificateEntry list of a chain, {@code leafExtensions} on the end-entity, RFC 8446 §4.4.2. */
    static List<CertificateEntry> entries(List<X509Certificate> chain, ExtensionBlock leafExtensions) {
        List<CertificateEntry> entries = new ArrayList<>(chain.size());
        for (X509Certificate certificate : chain) {
            try {
                entries.add(new CertificateEntry(certificate.getEncoded(),
                        entries.isEmpty() ? leafExtensions : ExtensionBlock.empty()));
            } catch (CertificateEncodingException e) {
                throw new InternalErrorAlert("cannot encode our own certificate", e);
            }
        }
        return entries;
    }
}
