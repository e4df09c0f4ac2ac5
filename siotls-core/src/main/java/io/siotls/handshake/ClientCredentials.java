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
import java.security.PrivateKey;
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

    /** The Certificate to send and, with a credential, the scheme and key its CertificateVerify signs with. */
    record Answer(CertificateMessage certificate, SignatureScheme scheme, PrivateKey key) {
    }

    private final Context context;
    private final ConnectionPolicy policy;

    ClientCredentials(Context context) {
        this.context = context;
        this.policy = context.policy();
    }

    /**
     * Whether this client holds something to authenticate with: a certificate chain, a signing
     * chain hook (a JSSE key manager), or a raw public key. Such a client offers
     * post_handshake_auth (RFC 8446 §4.2.6), so a server may ask for its certificate after the
     * handshake; a client holding nothing would only ever answer with an empty Certificate.
     */
    static boolean available(ConnectionPolicy policy) {
        return policy.signingChainSelector() != null || !policy.config().signingChains().isEmpty()
                || (policy.certificateTypes().contains(CertificateType.RAW_PUBLIC_KEY)
                        && policy.config().privateKey() != null);
    }

    Answer answer(CertificateRequest request, CertificateType type) {
        List<Integer> accepted = request.extensions()
                .get(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithmsExtension.class).schemes();
        Answer none = new Answer(new CertificateMessage(request.requestContext(), List.of()), null, null);
        if (type == CertificateType.RAW_PUBLIC_KEY) {
            SignatureScheme scheme = new CredentialSelector(policy).schemeFor(policy.config().privateKey(), accepted);
            return scheme == null ? none
                    : new Answer(new CertificateMessage(request.requestContext(),
                            Authentication.rawPublicKeyCertificate(context).entries()), scheme, policy.config().privateKey());
        }
        CertificateAuthoritiesExtension authorities =
                request.extensions().get(ExtensionType.CERTIFICATE_AUTHORITIES, CertificateAuthoritiesExtension.class);
        List<X500Principal> names = authorities == null ? List.of() : authorities.authorities();
        CredentialSelector selector = new CredentialSelector(policy);
        CredentialSelector.Choice choice = policy.signingChainSelector() != null
                ? selector.fromHook(policy.signingChainSelector(), Side.CLIENT, null, accepted, names)
                : selector.forClient(names, accepted);
        if (choice == null) {
            return none;
        }
        return new Answer(new CertificateMessage(request.requestContext(), entries(choice.chain().chain())),
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
