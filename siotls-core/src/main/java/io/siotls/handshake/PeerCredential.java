package io.siotls.handshake;

import io.siotls.TLSConfiguration;
import io.siotls.alerts.BadCertificate;
import io.siotls.alerts.DecodeError;
import io.siotls.alerts.UnsupportedCertificate;
import io.siotls.iana.CertificateType;
import io.siotls.messages.CertificateMessage;
import io.siotls.trust.Purpose;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The peer's credential from its Certificate message, authenticated: an X.509 chain (RFC 8446
 * §4.4.2.4) or a raw public key among the trusted ones (RFC 7250 §4.3).
 */
record PeerCredential(List<X509Certificate> chain, PublicKey publicKey) {

    static PeerCredential authenticate(ConnectionPolicy policy, CertificateMessage message,
            CertificateType type, Purpose purpose, String hostname, Clock clock) {
        TLSConfiguration config = policy.config();
        if (!policy.peerCertificateTypes().contains(type)) {
            throw new UnsupportedCertificate("the peer sent a " + type.ianaName() + " credential, this side accepts "
                    + policy.peerCertificateTypes());
        }
        if (type == CertificateType.X509) {
            int maxChain = config.limits().maxCertificateChainLength();
            if (message.entries().size() > maxChain) {
                throw new BadCertificate("the peer's certificate chain holds " + message.entries().size()
                        + " certificates, more than limits.max_certificate_chain_length (" + maxChain + ")");
            }
            List<X509Certificate> chain = PeerCertificates.decode(message);
            PeerCertificates.authenticate(policy.truststore(), chain, purpose, hostname, clock);
            return new PeerCredential(chain, chain.get(0).getPublicKey());
        }
        if (message.entries().size() != 1) {
            throw new DecodeError("a raw public key Certificate holds exactly one entry, not " + message.entries().size());
        }
        PublicKey key = decodeRawPublicKey(message.entries().get(0).data());
        boolean trusted = config.trustedPublicKeys().stream()
                .anyMatch(trustedKey -> Arrays.equals(trustedKey.getEncoded(), key.getEncoded()));
        if (!trusted) {
            throw new BadCertificate("the peer's raw public key (" + key.getAlgorithm() + ") is not one of the "
                    + config.trustedPublicKeys().size() + " trusted_public_keys");
        }
        return new PeerCredential(List.of(), key);
    }

    /** A DER SubjectPublicKeyInfo as a JCA key, RFC 7250 §3. */
    static PublicKey decodeRawPublicKey(byte[] der) {
        try {
            return new JcaPEMKeyConverter().getPublicKey(SubjectPublicKeyInfo.getInstance(der));
        } catch (PEMException | RuntimeException e) {
            throw new BadCertificate("the peer's raw public key is not a valid SubjectPublicKeyInfo: "
                    + e.getClass().getSimpleName());
        }
    }
}
