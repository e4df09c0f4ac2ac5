package io.siotls;

import io.siotls.iana.SignatureScheme;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Chooses, per handshake, the chain this side authenticates with — for integrations whose
 * credentials live elsewhere, such as a JSSE {@code X509ExtendedKeyManager}. When a connection
 * has one, it replaces the choice among {@link TLSConfiguration#signingChains()}.
 */
@FunctionalInterface
public interface SigningChainSelector {

    /**
     * What the peer accepts.
     *
     * @param side this side
     * @param serverName the host name the client asked for with SNI, or {@code null}
     * @param acceptedSchemes the signature schemes the peer accepts in CertificateVerify, in its
     *        order; unknown codes are left out
     * @param certificateAuthorities the authorities the peer trusts (certificate_authorities), or
     *        an empty list when it named none
     */
    record Request(Side side, String serverName, List<SignatureScheme> acceptedSchemes,
            List<X500Principal> certificateAuthorities) {

        public Request {
            acceptedSchemes = List.copyOf(acceptedSchemes);
            certificateAuthorities = List.copyOf(certificateAuthorities);
        }
    }

    /**
     * The chain to present, or {@code null} for none: a server then fails the handshake with
     * handshake_failure, a client answers a CertificateRequest with an empty Certificate.
     */
    SigningChain select(Request request);
}
