package io.siotls.handshake;

import io.siotls.TLSNegotiatedConfiguration;
import io.siotls.iana.CertificateType;
import io.siotls.iana.CipherSuite;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The record of what the peers agree on, written by the states as each agreement is made and
 * read once, when the handshake completes ({@link #toConfiguration}). States decide from their
 * own fields, never from this record.
 */
final class Negotiation {

    CipherSuite cipherSuite;
    NamedGroup keyExchange;
    SignatureScheme signatureAlgorithm;
    SignatureScheme peerSignatureAlgorithm;
    String alpn;
    String serverName;
    List<X509Certificate> peerCertificateChain = List.of();
    PublicKey peerPublicKey;
    CertificateType clientCertificateType = CertificateType.X509;
    CertificateType serverCertificateType = CertificateType.X509;
    boolean peerWantOcspStapling;
    byte[] peerOcspResponse;
    boolean canSendHeartbeat;
    int maxFragmentLength = 1 << 14;
    boolean resumed;
    byte[] externalPskIdentity;

    TLSNegotiatedConfiguration toConfiguration() {
        return new TLSNegotiatedConfiguration(cipherSuite, keyExchange, signatureAlgorithm, peerSignatureAlgorithm,
                alpn, serverName, peerCertificateChain, peerPublicKey, clientCertificateType, serverCertificateType,
                peerWantOcspStapling, peerOcspResponse, canSendHeartbeat, false, maxFragmentLength, resumed,
                externalPskIdentity);
    }
}
