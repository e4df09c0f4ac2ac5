package io.siotls.handshake;

import io.siotls.TLSConfiguration;
import io.siotls.crypto.CryptoProvider;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.CertificateEntry;
import io.siotls.messages.CertificateMessage;
import io.siotls.messages.CertificateRequest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a server's CertificateRequest (RFC 8446 §4.4.2): the configured chain when the key can
 * sign with a scheme the server accepts, else an empty Certificate.
 */
final class ClientCredentials {

    private final TLSConfiguration config;
    private final CryptoProvider crypto;

    ClientCredentials(TLSConfiguration config, CryptoProvider crypto) {
        this.config = config;
        this.crypto = crypto;
    }

    void answer(CertificateRequest request, ClientHandshake handshake) {
        SignatureScheme scheme = chooseScheme(request);
        if (scheme == null) {
            handshake.sendClientCredential(new CertificateMessage(request.requestContext(), List.of()), null);
            return;
        }
        handshake.sendClientCredential(
                new CertificateMessage(request.requestContext(), entries(config.certificateChain())), scheme);
    }

    private SignatureScheme chooseScheme(CertificateRequest request) {
        if (config.privateKey() == null || config.certificateChain().isEmpty()) {
            return null;
        }
        List<Integer> accepted = request.extensions()
                .get(ExtensionType.SIGNATURE_ALGORITHMS, SignatureAlgorithmsExtension.class).schemes();
        for (SignatureScheme scheme : config.privateKeySignatureAlgorithms()) {
            if (accepted.contains(scheme.code()) && crypto.supports(scheme) && crypto.keyFits(scheme, config.privateKey())) {
                return scheme;
            }
        }
        return null;
    }

    /** CertificateEntry list of a chain, RFC 8446 §4.4.2. */
    static List<CertificateEntry> entries(List<X509Certificate> chain) {
        List<CertificateEntry> entries = new ArrayList<>(chain.size());
        for (X509Certificate certificate : chain) {
            try {
                entries.add(new CertificateEntry(certificate.getEncoded(), ExtensionBlock.empty()));
            } catch (CertificateEncodingException e) {
                throw new io.siotls.alerts.InternalError("cannot encode our own certificate", e);
            }
        }
        return entries;
    }
}
