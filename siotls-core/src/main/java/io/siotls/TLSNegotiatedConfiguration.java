package io.siotls;

import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What both peers agreed on for one connection, available from {@link io.siotls.connection.TLSConnection#nconfig()}
 * once the handshake completed.
 *
 * @param cipherSuite the negotiated cipher suite
 * @param keyExchange the (EC)DHE group, or {@code null} for a PSK handshake in psk_ke mode (RFC
 *        8446 §4.2.9: no key exchange, no forward secrecy)
 * @param signatureAlgorithm the scheme this side signed its CertificateVerify with, or {@code null}
 *        when it did not authenticate
 * @param peerSignatureAlgorithm the scheme the peer signed with, or {@code null}
 * @param alpn the application protocol, or {@code null} when none was negotiated
 * @param serverName the host name the client asked for with SNI, or {@code null}
 * @param peerCertificateChain the chain the peer presented, end-entity first; empty when none
 * @param peerPublicKey the peer's authenticated public key (from its certificate or raw public
 *        key), or {@code null}
 * @param clientCertificateType the type of the client's credential
 * @param serverCertificateType the type of the server's credential
 * @param peerWantOcspStapling server-side: whether the client asked for an OCSP response
 * @param peerOcspResponse client-side: the DER OCSP response the server stapled, or {@code null}
 * @param canSendHeartbeat whether the peer lets this side send heartbeat requests (RFC 6520);
 *        this engine never sends any
 * @param canEchoHeartbeat whether this side lets the peer send heartbeat requests: never, this
 *        engine announces peer_not_allowed_to_send
 * @param maxFragmentLength the largest plaintext per record this side sends: 2^14, or lower when
 *        the peer asked for less with record_size_limit (RFC 8449) or max_fragment_length (RFC 6066)
 * @param resumed whether the handshake resumed a session with a ticket (RFC 8446 §2.2): no
 *        certificate was sent, and the peer's chain or public key are those it authenticated
 *        with in the handshake that issued the ticket
 * @param externalPskIdentity see {@link #externalPskIdentity()}
 */
public record TLSNegotiatedConfiguration(
        CipherSuite cipherSuite,
        NamedGroup keyExchange,
        SignatureScheme signatureAlgorithm,
        SignatureScheme peerSignatureAlgorithm,
        String alpn,
        String serverName,
        List<X509Certificate> peerCertificateChain,
        PublicKey peerPublicKey,
        CertificateType clientCertificateType,
        CertificateType serverCertificateType,
        boolean peerWantOcspStapling,
        byte[] peerOcspResponse,
        boolean canSendHeartbeat,
        boolean canEchoHeartbeat,
        int maxFragmentLength,
        boolean resumed,
        byte[] externalPskIdentity) {

    public TLSNegotiatedConfiguration {
        peerCertificateChain = List.copyOf(peerCertificateChain);
        peerOcspResponse = peerOcspResponse == null ? null : peerOcspResponse.clone();
        externalPskIdentity = externalPskIdentity == null ? null : externalPskIdentity.clone();
    }

    /**
     * The identity of the external PSK (RFC 8446 §4.2.11) that authenticated both peers (a copy),
     * or {@code null} when the handshake used none: then no certificate was sent, and the peer is
     * whoever holds that key.
     */
    @Override
    public byte[] externalPskIdentity() {
        return externalPskIdentity == null ? null : externalPskIdentity.clone();
    }

    /** Whether an external PSK authenticated the handshake ({@link #externalPskIdentity}). */
    public boolean externalPskAuthenticated() {
        return externalPskIdentity != null;
    }

    /** The stapled OCSP response (a copy), or {@code null}. */
    @Override
    public byte[] peerOcspResponse() {
        return peerOcspResponse == null ? null : peerOcspResponse.clone();
    }
}
