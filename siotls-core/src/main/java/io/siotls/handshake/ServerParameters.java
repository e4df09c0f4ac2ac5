package io.siotls.handshake;

import io.siotls.ClientAuthentication;
import io.siotls.Side;
import io.siotls.alerts.HandshakeFailure;
import io.siotls.alerts.MissingExtension;
import io.siotls.alerts.NoApplicationProtocol;
import io.siotls.alerts.UnsupportedCertificate;
import io.siotls.extensions.ALPNExtension;
import io.siotls.extensions.CertificateTypeExtension;
import io.siotls.extensions.ExtensionBlock;
import io.siotls.extensions.HeartbeatExtension;
import io.siotls.extensions.ServerNameExtension;
import io.siotls.extensions.SignatureAlgorithmsExtension;
import io.siotls.extensions.StatusRequestExtension;
import io.siotls.iana.CertificateType;
import io.siotls.iana.ExtensionType;
import io.siotls.iana.SignatureScheme;
import io.siotls.messages.ClientHello;
import java.util.List;

/**
 * What the server decides from a ClientHello besides the suite and the group: SNI (RFC 6066
 * §3), OCSP stapling, heartbeat (RFC 6520), the certificate types (RFC 7250 §4.2), the
 * credential and its signature scheme (RFC 8446 §4.4.2.2) and the application protocol (RFC 7301).
 * A resumed handshake has no credential ({@code null}).
 */
record ServerParameters(String serverName, boolean peerWantOcspStapling, boolean canSendHeartbeat,
        CertificateType serverCertificateType, CertificateType clientCertificateType,
        CredentialSelector.Choice credential, String alpn) {

    static ServerParameters negotiate(ConnectionPolicy policy, ClientHello hello) {
        ExtensionBlock extensions = hello.extensions();
        String serverName = serverName(extensions);
        StatusRequestExtension statusRequest = extensions.get(ExtensionType.STATUS_REQUEST, StatusRequestExtension.class);
        boolean wantOcsp = statusRequest != null && statusRequest.statusType() == StatusRequestExtension.OCSP;
        boolean heartbeat = Context.canSendHeartbeat(extensions.get(ExtensionType.HEARTBEAT, HeartbeatExtension.class));
        if (!extensions.contains(ExtensionType.SIGNATURE_ALGORITHMS)) {
            throw new MissingExtension("the ClientHello has no signature_algorithms extension, which a handshake"
                    + " that is not resumed needs (RFC 8446 §9.2)");
        }
        CertificateType serverType = chooseCertificateType(extensions, ExtensionType.SERVER_CERTIFICATE_TYPE,
                policy.certificateTypes(), "this server can present");
        CertificateType clientType = CertificateType.X509;
        if (policy.clientAuthentication() != ClientAuthentication.NONE) {
            clientType = chooseCertificateType(extensions, ExtensionType.CLIENT_CERTIFICATE_TYPE,
                    policy.peerCertificateTypes(), "this server accepts from clients");
        }
        List<Integer> clientSchemes = extensions.get(ExtensionType.SIGNATURE_ALGORITHMS,
                SignatureAlgorithmsExtension.class).schemes();
        CredentialSelector.Choice credential = chooseCredential(policy, serverType, serverName, clientSchemes);
        String alpn = chooseApplicationProtocol(policy,
                extensions.get(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ALPNExtension.class));
        return new ServerParameters(serverName, wantOcsp, heartbeat, serverType, clientType, credential, alpn);
    }

    /**
     * What a resumed handshake decides (RFC 8446 §2.2): SNI, heartbeat and the application
     * protocol; no credential (no Certificate is sent), the client's certificate type that of
     * the resumed session.
     */
    static ServerParameters negotiateResumed(ConnectionPolicy policy, ClientHello hello, SessionState session) {
        ExtensionBlock extensions = hello.extensions();
        boolean heartbeat = Context.canSendHeartbeat(extensions.get(ExtensionType.HEARTBEAT, HeartbeatExtension.class));
        CertificateType clientType = session.peerPublicKey() != null && session.peerChain().isEmpty()
                ? CertificateType.RAW_PUBLIC_KEY : CertificateType.X509;
        String alpn = chooseApplicationProtocol(policy,
                extensions.get(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ALPNExtension.class));
        return new ServerParameters(serverName(extensions), false, heartbeat, CertificateType.X509, clientType, null,
                alpn);
    }

    /**
     * What a handshake authenticated by an external PSK decides (RFC 8446 §2.2): as a resumed
     * one, with no client certificate type of a former session (no certificate either way).
     */
    static ServerParameters negotiateWithExternalPsk(ConnectionPolicy policy, ClientHello hello) {
        ExtensionBlock extensions = hello.extensions();
        boolean heartbeat = Context.canSendHeartbeat(extensions.get(ExtensionType.HEARTBEAT, HeartbeatExtension.class));
        String alpn = chooseApplicationProtocol(policy,
                extensions.get(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, ALPNExtension.class));
        return new ServerParameters(serverName(extensions), false, heartbeat, CertificateType.X509,
                CertificateType.X509, null, alpn);
    }

    private static String serverName(ExtensionBlock extensions) {
        ServerNameExtension sni = extensions.get(ExtensionType.SERVER_NAME, ServerNameExtension.class);
        return sni == null ? null : sni.hostName();
    }

    /**
     * The certificate type for one side, RFC 7250 §4.2: the first of the client's list that this
     * server supports, X.509 when the client sent no list; none in common is unsupported_certificate.
     */
    private static CertificateType chooseCertificateType(ExtensionBlock clientExtensions, ExtensionType extension,
            List<CertificateType> supported, String what) {
        CertificateTypeExtension offered = clientExtensions.get(extension, CertificateTypeExtension.class);
        List<Integer> candidates = offered == null ? List.of(CertificateType.X509.code()) : offered.types();
        for (int code : candidates) {
            CertificateType type = CertificateType.fromCode(code);
            if (type != null && supported.contains(type)) {
                return type;
            }
        }
        throw new UnsupportedCertificate("no certificate type in common for " + extension.ianaName()
                + ": the client offers " + candidates + ", " + what + " " + supported);
    }

    /**
     * RFC 8446 §4.4.2.2: the chain to present (SNI, then the client's signature_algorithms) and
     * the scheme to sign with; with a raw public key, the configured private key.
     */
    private static CredentialSelector.Choice chooseCredential(ConnectionPolicy policy, CertificateType type,
            String serverName, List<Integer> clientSchemes) {
        CredentialSelector selector = new CredentialSelector(policy);
        if (type == CertificateType.RAW_PUBLIC_KEY) {
            SignatureScheme scheme = selector.schemeFor(policy.config().privateKey(), clientSchemes);
            if (scheme == null) {
                throw new HandshakeFailure("no signature scheme in common: the client accepts " + clientSchemes
                        + ", this server's key can sign with " + policy.privateKeySignatureAlgorithms());
            }
            return new CredentialSelector.Choice(null, scheme);
        }
        CredentialSelector.Choice choice = policy.signingChainSelector() != null
                ? selector.fromHook(policy.signingChainSelector(), Side.SERVER, serverName, clientSchemes, List.of())
                : selector.forServer(serverName, clientSchemes);
        if (choice == null) {
            throw new HandshakeFailure("no signature scheme in common: the client accepts " + clientSchemes
                    + ", this server's keys can sign with " + policy.privateKeySignatureAlgorithms());
        }
        return choice;
    }

    /** RFC 7301 §3.2: the first of the server's protocols the client offers. */
    private static String chooseApplicationProtocol(ConnectionPolicy policy, ALPNExtension offered) {
        if (offered != null && policy.applicationProtocolSelector() != null) {
            String chosen = policy.applicationProtocolSelector().apply(offered.protocols());
            if (chosen == null || (!chosen.isEmpty() && !offered.protocols().contains(chosen))) {
                throw new NoApplicationProtocol("the application protocol selector accepted none of "
                        + offered.protocols());
            }
            return chosen.isEmpty() ? null : chosen;
        }
        if (offered == null || policy.alpn().isEmpty()) {
            return null;
        }
        for (String protocol : policy.alpn()) {
            if (offered.protocols().contains(protocol)) {
                return protocol;
            }
        }
        throw new NoApplicationProtocol("no application protocol in common: the client offers " + offered.protocols()
                + ", this server accepts " + policy.alpn());
    }
}
